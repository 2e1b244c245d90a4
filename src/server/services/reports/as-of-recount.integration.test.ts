// Reports for a past date read the per-learner summary plus the history that
// changed since (enrolments ended, records superseded by newer examinations).
// On a generated region with three years of movements and examinations, they
// must equal a recount from every enrolment and health record — the reports'
// definitions, written out below as plain SQL — for dates across that history.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestRegion, type TestRegion } from "../../../../tools/generate/test-region";
import { loadActor, type Actor } from "../../auth/actor";
import { signedInClaims } from "../../testing/sessions";
import { describeDb, type TestDatabase } from "../../testing/test-db";
import { countHealthStats } from "../health/health-stats";
import { buildOo1 } from "./oo1";

const LEARNERS = 600;
const year = new Date().getUTCFullYear();
const DATES = [`${year - 2}-09-20`, `${year - 1}-01-01`, `${year - 1}-10-01`, `${year}-05-25`];
/** An extra examination the test adds between a learner's first and latest ones. */
const MIDDLE_EXAM = `${year - 1}-03-03`;
const DAY_BEFORE_MIDDLE_EXAM = `${year - 1}-03-02`;

/** ОО-1 by definition: the newest open basic general-school enrolment on the date, per learner. */
const OO1_RECOUNT = `
  WITH enr AS (
    SELECT DISTINCT ON (e."learnerId") e."grade", l."sex", l."birthDate"
    FROM "Enrolment" e JOIN "Learner" l ON l."id" = e."learnerId"
    WHERE e."isBasic" AND e."level" IN ('PRIMARY', 'BASIC', 'SECONDARY')
      AND e."enrolledAt" <= $1::date AND (e."endedAt" IS NULL OR e."endedAt" > $1::date)
    ORDER BY e."learnerId", e."enrolledAt" DESC, e."createdAt" DESC)
  SELECT COALESCE("grade"::text, '') AS grade, "sex"::text AS sex, count(*)::int AS n FROM enr GROUP BY 1, 2`;

/** Health statistics by definition: the record in force on the date and the held placement begun by then. */
const HEALTH_RECOUNT = `
  WITH cur AS (
    SELECT DISTINCT ON (h."learnerId") h."learnerId", h."healthGroup"
    FROM "HealthRecord" h
    WHERE h."recordedAt" <= $1::date AND NOT EXISTS (SELECT 1 FROM "HealthRecord" s WHERE s."supersedesId" = h."id")
    ORDER BY h."learnerId", h."recordedAt" DESC, h."createdAt" DESC
  ), enr AS (
    SELECT DISTINCT ON (e."learnerId") e."learnerId", e."grade"
    FROM "Enrolment" e
    WHERE e."status" IN ('ACTIVE', 'PENDING_TRANSFER') AND e."enrolledAt" <= $1::date
    ORDER BY e."learnerId", e."isBasic" DESC, e."enrolledAt" DESC, e."createdAt" DESC)
  SELECT COALESCE(enr."grade"::text, '') AS grade, cur."healthGroup"::text AS category, count(*)::int AS n
  FROM cur JOIN enr ON enr."learnerId" = cur."learnerId" GROUP BY 1, 2`;

/** The report's first table (grade × sex) as "grade|sex" → count, totals left out. */
function oo1Cells(model: Awaited<ReturnType<typeof buildOo1>>): Record<string, number> {
  const table = model.tables[0]!;
  const sexes = { Мальчики: "MALE", Девочки: "FEMALE" } as Record<string, string>;
  const out: Record<string, number> = {};
  for (const row of table.rows) {
    table.columns.forEach((column, i) => {
      const grade = row[0] === "без класса" ? "" : String(row[0]);
      if (sexes[column] && Number(row[i])) out[`${grade}|${sexes[column]}`] = Number(row[i]);
    });
  }
  return out;
}

const keyed = (rows: { n: number }[], key: (r: Record<string, unknown>) => string) => Object.fromEntries(rows.map((r) => [key(r), r.n]));

describeDb("reports for a past date against a recount of the history", () => {
  let region: TestRegion;
  let db: TestDatabase;
  let officer: Actor;

  beforeAll(async () => {
    region = await createTestRegion({ learners: LEARNERS, seed: 11, gradeYears: 3 });
    db = region.db;
    // Schools changed on 1 September last year: the earlier enrolment ended that day.
    const moved = `SELECT "id" FROM "Enrolment" WHERE "isBasic" AND "status" = 'ACTIVE' AND "grade" >= 3 ORDER BY "id" LIMIT 40`;
    await db.sql.query(
      `INSERT INTO "Enrolment" ("id", "learnerId", "organisationId", "level", "isBasic", "grade", "classLetter", "enrolledAt", "status", "endedAt")
       SELECT gen_random_uuid(), "learnerId", "organisationId", "level", true, "grade" - 1, 'Б', '${year - 4}-09-01', 'ENDED', '${year - 1}-09-01'
         FROM "Enrolment" WHERE "id" IN (${moved})`,
    );
    await db.sql.query(`UPDATE "Enrolment" SET "enrolledAt" = '${year - 1}-09-01' WHERE "id" IN (${moved})`);
    await db.sql.query(
      `INSERT INTO "HealthRecord" ("id", "learnerId", "organisationId", "recordedAt", "healthGroup", "peGroup", "createdById")
       SELECT gen_random_uuid(), h."learnerId", h."organisationId", $1::date, 'IV', 'SPECIAL_A', h."createdById"
       FROM "HealthRecord" h
       WHERE h."recordedAt" < $1::date
         AND EXISTS (SELECT 1 FROM "HealthRecord" n WHERE n."learnerId" = h."learnerId" AND n."recordedAt" > $1::date)
       ORDER BY h."learnerId" LIMIT 40`,
      [MIDDLE_EXAM],
    );
    officer = (await loadActor(db.prisma, await signedInClaims(db.prisma, "edu.officer")))!;
  });
  afterAll(async () => {
    await region?.close();
  });

  it("has history to get wrong: enrolments ended and learners examined again across the dates", async () => {
    const [row] = await db.sql.query<{ ended: number; reexamined: number }>(
      `SELECT (SELECT count(*)::int FROM "Enrolment" WHERE "status" = 'ENDED' AND "isBasic" AND "endedAt" > $1::date) AS ended,
              (SELECT count(DISTINCT "learnerId")::int FROM "HealthRecord" WHERE "recordedAt" > $1::date
                 AND "learnerId" IN (SELECT "learnerId" FROM "HealthRecord" WHERE "recordedAt" <= $1::date)) AS reexamined`,
      [DATES[1]],
    );
    expect(row!.ended).toBeGreaterThan(10);
    expect(row!.reexamined).toBeGreaterThan(10);
  });

  it("ОО-1 on each date equals the recount from every enrolment", async () => {
    for (const asOf of DATES) {
      const expected = keyed(await db.sql.query(OO1_RECOUNT, [asOf]), (r) => `${r.grade}|${r.sex}`);
      expect(Object.keys(expected).length, asOf).toBeGreaterThan(4);
      expect(oo1Cells(await buildOo1(db.prisma, officer, asOf)), asOf).toEqual(expected);
    }
  });

  it("health groups on each date equal the recount from every record", async () => {
    // And on the day of a middle examination and the day before: the boundary
    // between two records that are both history now.
    const [middle] = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "HealthRecord" h WHERE h."recordedAt" = $1::date
         AND EXISTS (SELECT 1 FROM "HealthRecord" o WHERE o."learnerId" = h."learnerId" AND o."recordedAt" < h."recordedAt")
         AND EXISTS (SELECT 1 FROM "HealthRecord" n WHERE n."learnerId" = h."learnerId" AND n."recordedAt" > h."recordedAt")`,
      [MIDDLE_EXAM],
    );
    expect(middle!.n, "learners examined before, on and after the middle examination").toBeGreaterThan(10);
    for (const asOf of [...DATES, MIDDLE_EXAM, DAY_BEFORE_MIDDLE_EXAM]) {
      const expected = keyed(await db.sql.query(HEALTH_RECOUNT, [asOf]), (r) => `${r.grade}|${r.category}`);
      const rows = await countHealthStats(db.prisma, officer, { measure: "healthGroup", by: "grade", asOf });
      expect(Object.fromEntries(rows.map((r) => [`${r.key}|${r.category}`, r.count])), asOf).toEqual(expected);
    }
  });
});
