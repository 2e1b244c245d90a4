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
import { countNextHealthMonth, monthOf, oldestKeptMonth } from "../health/health-month-counts";
import { buildReport } from "./build-report";
import type { ReportModel } from "./report-model";

const LEARNERS = 600;
const year = new Date().getUTCFullYear();
const DATES = [`${year - 2}-09-20`, `${year - 1}-01-01`, `${year - 1}-10-01`, `${year}-05-25`];
/** A backdated examination and placement the last test writes after the months were counted. */
const BACKDATED = `${year - 1}-02-10`;
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
const healthRecount = (measure: string, by: "grade" | "age") => `
  WITH cur AS (
    SELECT DISTINCT ON (h."learnerId") h."learnerId", h."${measure}" AS "category"
    FROM "HealthRecord" h
    WHERE h."recordedAt" <= $1::date AND NOT EXISTS (SELECT 1 FROM "HealthRecord" s WHERE s."supersedesId" = h."id")
    ORDER BY h."learnerId", h."recordedAt" DESC, h."createdAt" DESC
  ), enr AS (
    SELECT DISTINCT ON (e."learnerId") e."learnerId", e."grade"
    FROM "Enrolment" e
    WHERE e."status" IN ('ACTIVE', 'PENDING_TRANSFER') AND e."enrolledAt" <= $1::date
    ORDER BY e."learnerId", e."isBasic" DESC, e."enrolledAt" DESC, e."createdAt" DESC)
  SELECT ${by === "grade" ? `COALESCE(enr."grade"::text, '')` : `date_part('year', age($1::date, l."birthDate"))::int::text`} AS unit,
         cur."category"::text AS category, count(*)::int AS n
  FROM cur JOIN enr ON enr."learnerId" = cur."learnerId" JOIN "Learner" l ON l."id" = cur."learnerId" WHERE cur."category" IS NOT NULL GROUP BY 1, 2`;

/** The report's first table (grade × sex) as "grade|sex" → count, totals left out. */
function oo1Cells(model: ReportModel): Record<string, number> {
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
      expect(oo1Cells(await buildReport(db.prisma, officer, "oo1", { asOf })), asOf).toEqual(expected);
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
    const dates = [...DATES, MIDDLE_EXAM, DAY_BEFORE_MIDDLE_EXAM];
    // From the history while no month is counted, then from the month counts.
    await expectHealthEqualsRecount(dates);
    while (await countNextHealthMonth(db.prisma));
    const [held] = await db.sql.query<{ months: string[] }>(`SELECT array_agg("month"::text) AS months FROM "HealthMonth"`);
    for (const asOf of dates) expect(held!.months, asOf).toContain(monthOf(asOf));
    await expectHealthEqualsRecount(dates);
  });

  /** By grade the figures come from the month counts, by age from the history: both must equal the recount. */
  async function expectHealthEqualsRecount(dates: string[], measures: readonly ("healthGroup" | "peGroup" | "disability")[] = ["healthGroup"]) {
    for (const by of ["grade", "age"] as const) {
      for (const measure of measures) {
        for (const asOf of dates) {
          const expected = keyed(await db.sql.query(healthRecount(measure, by), [asOf]), (r) => `${r.unit}|${r.category}`);
          const what = `${measure} by ${by} on ${asOf}`;
          expect(Object.keys(expected).length, what).toBeGreaterThanOrEqual(measure === "disability" && asOf !== BACKDATED ? 0 : 1);
          const rows = await countHealthStats(db.prisma, officer, { measure, by, asOf });
          expect(Object.fromEntries(rows.map((r) => [`${r.key}|${r.category}`, r.count])), what).toEqual(expected);
        }
      }
    }
  }

  /** The held months' counts, as "(month,organisation,grade,categories…,age,birthday)" → count. */
  async function monthCounts() {
    const rows = await db.sql.query<{ k: string; n: number }>(
      `SELECT row("month", "organisationId", "grade", "healthGroup", "peGroup", "disability", "needsAdaptedProgramme", "ovzCategory", "age", "birthdayDay")::text AS k, "count" AS n
       FROM "HealthMonthCount"`,
    );
    return Object.fromEntries(rows.map((r) => [r.k, r.n]));
  }

  it("keeps the counted months exact through backdated examinations, corrections and placements", async () => {
    await expectHealthEqualsRecount(DATES);
    const writes = [
      // An examination between two others, backdated into a counted month.
      `INSERT INTO "HealthRecord" ("id", "learnerId", "organisationId", "recordedAt", "healthGroup", "peGroup", "disability", "disabilityIndefinite", "createdById")
       SELECT gen_random_uuid(), h."learnerId", h."organisationId", '${BACKDATED}', 'V', 'SPECIAL_B', 'CHILD', true, h."createdById"
       FROM "HealthRecord" h WHERE h."recordedAt" < '${year - 1}-01-01'
         AND EXISTS (SELECT 1 FROM "HealthRecord" n WHERE n."learnerId" = h."learnerId" AND n."recordedAt" > '${BACKDATED}')
       ORDER BY h."id" LIMIT 30`,
      // Corrections of records that are history now.
      `INSERT INTO "HealthRecord" ("id", "learnerId", "organisationId", "recordedAt", "healthGroup", "peGroup", "supersedesId", "createdById")
       SELECT gen_random_uuid(), h."learnerId", h."organisationId", h."recordedAt", 'III', 'PREPARATORY', h."id", h."createdById"
       FROM "HealthRecord" h WHERE h."recordedAt" < '${year - 1}-06-01' AND h."supersedesId" IS NULL
         AND NOT EXISTS (SELECT 1 FROM "HealthRecord" s WHERE s."supersedesId" = h."id")
       ORDER BY h."id" DESC LIMIT 30`,
      // Placements: ended, begun later than recorded, moved to another grade.
      `UPDATE "Enrolment" SET "status" = 'ENDED', "endedAt" = CURRENT_DATE
       WHERE "id" IN (SELECT "id" FROM "Enrolment" WHERE "status" = 'ACTIVE' AND "isBasic" ORDER BY "id" LIMIT 20)`,
      `UPDATE "Enrolment" SET "enrolledAt" = '${BACKDATED}'
       WHERE "id" IN (SELECT "id" FROM "Enrolment" WHERE "status" = 'ACTIVE' AND "enrolledAt" < '${year - 2}-09-01' ORDER BY "id" DESC LIMIT 20)`,
      `UPDATE "Enrolment" SET "grade" = "grade" + 1
       WHERE "id" IN (SELECT "id" FROM "Enrolment" WHERE "status" = 'ACTIVE' AND "grade" BETWEEN 1 AND 10 ORDER BY "learnerId" LIMIT 20)`,
      // A second school's additional programme, backdated, for learners placed there since.
      `INSERT INTO "Enrolment" ("id", "learnerId", "organisationId", "level", "isBasic", "enrolledAt", "status")
       SELECT gen_random_uuid(), e."learnerId", e."organisationId", 'ADDITIONAL', false, '${year - 2}-10-01', 'ACTIVE'
       FROM "Enrolment" e WHERE e."status" = 'ACTIVE' AND e."isBasic" AND e."enrolledAt" > '${year - 1}-01-01'
       ORDER BY e."id" LIMIT 20`,
    ];
    for (const sql of writes) expect((await db.sql.query(sql)).length, sql).toBe(0);
    await expectHealthEqualsRecount([...DATES, BACKDATED], ["healthGroup", "peGroup", "disability"]);
    // The kept counts equal the months counted afresh.
    const kept = await monthCounts();
    await db.sql.query(`DELETE FROM "HealthMonth"`);
    for (const month of new Set(Object.keys(kept).map((k) => k.slice(1, 11)))) {
      await db.sql.query(`SELECT "health_month_count_ensure"($1::date, '1900-01-01')`, [month]);
    }
    expect(await monthCounts()).toEqual(kept);
  });

  it("counts a date before the months kept from the history, by grade and by age", async () => {
    // The generated history is younger than the window, so some learners get an older past.
    const oldest = oldestKeptMonth();
    const before = `${Number(oldest.slice(0, 4)) - 1}`;
    const dayBeforeWindow = new Date(Date.parse(`${oldest}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const learners = `SELECT "learnerId" FROM "Enrolment" WHERE "status" = 'ACTIVE' AND "isBasic" ORDER BY "learnerId" DESC LIMIT 40`;
    await db.sql.query(`UPDATE "Enrolment" SET "enrolledAt" = '${before}-09-01' WHERE "status" = 'ACTIVE' AND "isBasic" AND "learnerId" IN (${learners})`);
    await db.sql.query(
      `INSERT INTO "HealthRecord" ("id", "learnerId", "organisationId", "recordedAt", "healthGroup", "peGroup", "createdById")
       SELECT gen_random_uuid(), h."learnerId", h."organisationId", '${before}-10-01', 'II', 'PREPARATORY', h."createdById"
       FROM (SELECT DISTINCT ON ("learnerId") * FROM "HealthRecord" WHERE "learnerId" IN (${learners}) ORDER BY "learnerId") h`,
    );
    await expectHealthEqualsRecount([dayBeforeWindow]);
    const [held] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "HealthMonth" WHERE "month" < $1::date`, [oldest]);
    expect(held!.n, "no month counted outside the window").toBe(0);
  });
});
