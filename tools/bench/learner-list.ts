// `npm run bench:list`: a school's learner list at 100,000 learners in one
// organisation, through the real service (with its audit write), on
// PostgreSQL (if reachable) and embedded PGlite. Prints median and p95.
import type { ListLearnersInput } from "../../src/lib/schemas/learner";
import { ZListLearnersInput } from "../../src/lib/schemas/learner";
import { seedDemoRegion } from "../../prisma/seed/demo-region";
import { loadActor } from "../../src/server/auth/actor";
import { listLearners } from "../../src/server/services/learners/read-learners";
import { forEachDatabase, type ThrowawayDatabase } from "../../src/server/testing/throwaway-db";

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 100_000);
const RUNS = 15;

// Bulk fill in SQL: names from small pools, SNILS-shaped unique digits (the
// checksum is irrelevant to query speed), one active enrolment each.
const FILL = (organisationId: string, regionId: string) => `
INSERT INTO "Learner" (id, "regionId", "lastName", "firstName", "middleName", "birthDate", sex, snils, citizenship, "updatedAt")
SELECT gen_random_uuid(), '${regionId}',
  (ARRAY['Иванов','Смирнов','Кузнецов','Попов','Васильев','Петров','Соколов','Михайлов','Новиков','Фёдоров','Морозов','Волков','Алексеев','Лебедев','Семёнов'])[1 + i % 15] || CASE WHEN i % 2 = 0 THEN 'а' ELSE '' END,
  (ARRAY['Анна','Мария','Елена','Ольга','Дарья','Иван','Пётр','Алексей','Дмитрий','Сергей'])[1 + (i / 15) % 10],
  'Тестович', date '2008-01-01' + (i % 4000), CASE WHEN i % 2 = 0 THEN 'FEMALE'::"Sex" ELSE 'MALE'::"Sex" END,
  lpad((200000000 + i)::text, 9, '0') || '00', '643', now()
FROM generate_series(1, ${LEARNERS}) AS i;
INSERT INTO "Enrolment" (id, "learnerId", "organisationId", level, "isBasic", grade, "classLetter", status, "enrolledAt")
SELECT gen_random_uuid(), l.id, '${organisationId}', 'BASIC', true, 5 + (row_number() OVER ()) % 5, (ARRAY['А','Б','В','Г'])[1 + (row_number() OVER ()) % 4], 'ACTIVE', date '2024-09-01'
FROM "Learner" l;
ANALYZE;`;

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
  console.log(`\n${name}: filled ${LEARNERS} learners in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const user = await handle.prisma.user.findUniqueOrThrow({ where: { login: "school.registrar" } });
  const actor = (await loadActor(handle.prisma, { userId: user.id, sessionVersion: user.sessionVersion }))!;
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
