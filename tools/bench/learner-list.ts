// `npm run bench:list`: a school's learner list at 100,000 learners in one
// organisation, through the real service (with its audit write), on
// PostgreSQL (if reachable) and embedded PGlite. Prints median and p95.
import { createHash } from "node:crypto";
import type { ListLearnersInput } from "../../src/lib/schemas/learner";
import { ZListLearnersInput } from "../../src/lib/schemas/learner";
import { seedDemoRegion } from "../../prisma/seed/demo-region";
import { loadActor } from "../../src/server/auth/actor";
import { signedInClaims } from "../../src/server/testing/sessions";
import { snilsColumns } from "../../src/server/services/person/identity-fields";
import { listLearners } from "../../src/server/services/learners/read-learners";
import { forEachDatabase, type ThrowawayDatabase } from "../../src/server/testing/throwaway-db";

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 100_000);
const RUNS = 15;

// Bulk fill in SQL: names from small pools, one active enrolment each. Ids are
// md5(i) so that the SNILS columns (encrypted, blind-indexed: only the
// application can compute them) are filled afterwards from JavaScript.
const FILL = (organisationId: string, regionId: string) => `
INSERT INTO "Learner" (id, "regionId", "lastName", "firstName", "middleName", "birthDate", sex, citizenship, "updatedAt")
SELECT md5(i::text)::uuid, '${regionId}',
  (ARRAY['Иванов','Смирнов','Кузнецов','Попов','Васильев','Петров','Соколов','Михайлов','Новиков','Фёдоров','Морозов','Волков','Алексеев','Лебедев','Семёнов'])[1 + i % 15] || CASE WHEN i % 2 = 0 THEN 'а' ELSE '' END,
  (ARRAY['Анна','Мария','Елена','Ольга','Дарья','Иван','Пётр','Алексей','Дмитрий','Сергей'])[1 + (i / 15) % 10],
  'Тестович', date '2008-01-01' + (i % 4000), CASE WHEN i % 2 = 0 THEN 'FEMALE'::"Sex" ELSE 'MALE'::"Sex" END,
  '643', now()
FROM generate_series(1, ${LEARNERS}) AS i;
INSERT INTO "Enrolment" (id, "learnerId", "organisationId", level, "isBasic", grade, "classLetter", status, "enrolledAt")
SELECT gen_random_uuid(), l.id, '${organisationId}', 'BASIC', true, 5 + (row_number() OVER ()) % 5, (ARRAY['А','Б','В','Г'])[1 + (row_number() OVER ()) % 4], 'ACTIVE', date '2024-09-01'
FROM "Learner" l;`;

const md5Uuid = (i: number) => createHash("md5").update(String(i)).digest("hex").replace(/^(.{8})(.{4})(.{4})(.{4})/, "$1-$2-$3-$4-");

/** SNILS-shaped unique digits (the checksum is irrelevant to query speed), encrypted and indexed like the service does. */
async function fillSnils(handle: ThrowawayDatabase) {
  for (let from = 1; from <= LEARNERS; from += 10_000) {
    const rows = [];
    for (let i = from; i < Math.min(from + 10_000, LEARNERS + 1); i++) {
      rows.push({ id: md5Uuid(i), ...snilsColumns("Learner", `${String(200_000_000 + i).padStart(9, "0")}00`) });
    }
    await handle.prisma.$executeRawUnsafe(
      `UPDATE "Learner" l SET "snilsEnc" = r."snilsEnc", "snilsIndex" = r."snilsIndex", "snilsChecksumOk" = r."snilsChecksumOk"
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "snilsEnc" text, "snilsIndex" text, "snilsChecksumOk" boolean) WHERE l.id = r.id`,
      JSON.stringify(rows),
    );
  }
  await handle.sql.exec("ANALYZE;");
}

const CASES: [string, Partial<ListLearnersInput>][] = [
  ["first page, by name", {}],
  ["page 500, by name", { page: 500 }],
  ["name prefix «Кузн»", { search: "Кузн" }],
  ["exact SNILS", { search: "20005000000" }],
  ["class 7Б, by name", { grade: 7, classLetter: "Б" }],
  ["missing documents, by birth date", { missing: "document", sort: "birthDate" }],
];

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

async function bench(name: string, handle: ThrowawayDatabase) {
  const sql = handle.sql;
  const seeded = await seedDemoRegion(handle.prisma);
  const t0 = performance.now();
  await sql.exec(FILL(seeded.organisationIds.school1!, seeded.regionId));
  await fillSnils(handle);
  console.log(`\n${name}: filled ${LEARNERS} learners in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const actor = (await loadActor(handle.prisma, await signedInClaims(handle.prisma, "school.registrar")))!;
  for (const [label, filters] of CASES) {
    const input = ZListLearnersInput.parse(filters);
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      total = (await listLearners(handle.prisma, actor, input, "127.0.0.1")).total;
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(`  ${label.padEnd(36)} rows ${String(total).padStart(6)}  median ${percentile(times, 0.5).toFixed(1).padStart(6)} ms  p95 ${percentile(times, 0.95).toFixed(1).padStart(6)} ms`);
  }
}

async function main() {
  await forEachDatabase("kt_bench", (db, label) => bench(label, db));
}

await main();
