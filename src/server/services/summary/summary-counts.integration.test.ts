// ContingentCount and HealthCount are kept from LearnerSummary by its
// statement triggers. On a generated region they must equal a regrouping of
// the summary after the bulk load, after a flush of every kind of change and
// after a rebuild (TRUNCATE); and the contingent dashboard and today's health
// statistics, which read them, must equal a recount from the summary by the
// definition, including learners whose placement or record is dated later.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestRegion, type TestRegion } from "../../../../tools/generate/test-region";
import { loadActor, type Actor } from "../../auth/actor";
import { signedInClaims } from "../../testing/sessions";
import { describeDb, type TestDatabase } from "../../testing/test-db";
import { countContingent } from "../dashboards/contingent";
import { countHealthStatsMany } from "../health/health-stats";
import { flushLearnerSummary, rebuildLearnerSummary } from "./learner-summary";
import { regionToday } from "@/lib/time-zone";

const CONTINGENT_KEY = `"organisationId", "level", "grade", "classLetter", "sex"`;
const HEALTH_KEY = `"organisationId", "grade", "healthGroup", "peGroup", "disability", "needsAdaptedProgramme", "ovzCategory"`;
// The server's today is the region's (Europe/Moscow here), not UTC's: they differ from 21:00 to 24:00 UTC.
const today = regionToday();
const inDays = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Health statistics for a date by definition: summary rows whose placement and record began by then. */
const HEALTH_RECOUNT = (key: string, category: string) => `
  SELECT ${key} AS key, ${category} AS category, count(*)::int AS n
  FROM "LearnerSummary" s JOIN "Organisation" o ON o."id" = s."organisationId" JOIN "Municipality" mu ON mu."id" = o."municipalityId"
  WHERE s."healthRecordedAt" <= $1::date AND s."enrolledAt" <= $1::date AND ${category} IS NOT NULL
  GROUP BY 1, 2`;

describeDb("count tables kept from the learner summary", () => {
  let region: TestRegion;
  let db: TestDatabase;
  let officer: Actor;
  let medic: Actor;

  const rows = (sql: string, params: unknown[] = []) => db.sql.query<Record<string, unknown>>(sql, params);
  const sorted = (list: Record<string, unknown>[]) => list.map((r) => JSON.stringify(r)).sort();

  async function expectCountsAsRegrouped() {
    const contingent = await rows(`SELECT ${CONTINGENT_KEY}, "count" FROM "ContingentCount"`);
    expect(contingent.length).toBeGreaterThan(20);
    expect(sorted(contingent)).toEqual(sorted(await rows(`SELECT ${CONTINGENT_KEY}, count(*)::int AS "count" FROM "LearnerSummary" GROUP BY ${CONTINGENT_KEY}`)));
    const health = await rows(`SELECT ${HEALTH_KEY}, "count" FROM "HealthCount"`);
    expect(health.length).toBeGreaterThan(20);
    expect(sorted(health)).toEqual(
      sorted(await rows(`SELECT ${HEALTH_KEY}, count(*)::int AS "count" FROM "LearnerSummary" WHERE "healthRecordedAt" IS NOT NULL GROUP BY ${HEALTH_KEY}`)),
    );
  }

  async function expectReadersAsRecounted() {
    const dashboard = await countContingent(db.prisma, officer, {});
    const byMunicipality = await rows(`
      SELECT mu."id"::text AS key, s."level"::text AS level, s."sex"::text AS sex, count(*)::int AS count
      FROM "LearnerSummary" s JOIN "Organisation" o ON o."id" = s."organisationId" JOIN "Municipality" mu ON mu."id" = o."municipalityId"
      GROUP BY 1, 2, 3`);
    expect(sorted(dashboard.units.map(({ key, level, sex, count }) => ({ key, level, sex, count })))).toEqual(sorted(byMunicipality));
    for (const [by, key] of [["municipality", `mu."id"::text`], ["organisation", `o."id"::text`], ["grade", `COALESCE(s."grade"::text, '')`]] as const) {
      for (const asOf of [today, inDays(60)]) {
        const counted = await countHealthStatsMany(db.prisma, medic, { by, asOf }, ["healthGroup", "ovzCategory"]);
        const ovz = `CASE WHEN s."needsAdaptedProgramme" THEN COALESCE(s."ovzCategory"::text, '') END`;
        for (const [measure, category] of [["healthGroup", `s."healthGroup"::text`], ["ovzCategory", ovz]] as const) {
          const expected = await rows(HEALTH_RECOUNT(key, category), [asOf]);
          expect(sorted(counted[measure]!.map(({ key, category, count }) => ({ key, category, n: count }))), `${by} ${measure} ${asOf}`).toEqual(sorted(expected));
        }
      }
    }
  }

  beforeAll(async () => {
    region = await createTestRegion({ learners: 600, seed: 7, gradeYears: 3 });
    db = region.db;
    officer = (await loadActor(db.prisma, await signedInClaims(db.prisma, "edu.officer")))!;
    medic = (await loadActor(db.prisma, await signedInClaims(db.prisma, "health.officer")))!;
  });
  afterAll(async () => {
    await region?.close();
  });

  it("equals the summary regrouped straight after the bulk load, and the readers equal the recount", async () => {
    await expectCountsAsRegrouped();
    await expectReadersAsRecounted();
  });

  it("follows a flush of ended, moved, changed and later-dated placements and of new records", async () => {
    const basic = `SELECT "id" FROM "Enrolment" WHERE "isBasic" AND "status" = 'ACTIVE' ORDER BY "id"`;
    await db.sql.query(`UPDATE "Enrolment" SET "status" = 'ENDED', "endedAt" = '${today}' WHERE "id" IN (${basic} LIMIT 20)`);
    await db.sql.query(`UPDATE "Enrolment" SET "grade" = NULL, "classLetter" = NULL WHERE "id" IN (${basic} OFFSET 20 LIMIT 10)`);
    await db.sql.query(`UPDATE "Enrolment" SET "grade" = "grade" + 1 WHERE "id" IN (${basic} OFFSET 30 LIMIT 10) AND "grade" < 11`);
    // Placed from a later date: counted by the contingent, not yet by today's health figures.
    await db.sql.query(`UPDATE "Enrolment" SET "enrolledAt" = '${inDays(30)}' WHERE "id" IN (${basic} OFFSET 40 LIMIT 10)`);
    await db.sql.query(`UPDATE "Learner" SET "sex" = CASE WHEN "sex" = 'MALE' THEN 'FEMALE'::"Sex" ELSE 'MALE'::"Sex" END
      WHERE "id" IN (SELECT "learnerId" FROM "Enrolment" WHERE "id" IN (${basic} OFFSET 50 LIMIT 10))`);
    // New records: an adapted programme, and one dated later.
    for (const [offset, recordedAt, extra] of [[60, today, `true, 'DEAF'`], [70, inDays(30), `false, NULL`]] as const) {
      await db.sql.query(`
        INSERT INTO "HealthRecord" ("id", "learnerId", "organisationId", "recordedAt", "healthGroup", "peGroup", "needsAdaptedProgramme", "ovzCategory", "createdById")
        SELECT gen_random_uuid(), e."learnerId", e."organisationId", '${recordedAt}', 'IV', 'SPECIAL_A', ${extra}, (SELECT "id" FROM "User" LIMIT 1)
        FROM "Enrolment" e WHERE e."id" IN (${basic} OFFSET ${offset} LIMIT 10)`);
    }
    const [queued] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "LearnerSummaryPending"`);
    expect(queued!.n).toBeGreaterThanOrEqual(60);
    await flushLearnerSummary(db.prisma);
    const [later] = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "LearnerSummary" WHERE "healthRecordedAt" IS NOT NULL AND GREATEST("enrolledAt", "healthRecordedAt") > $1::date`,
      [today],
    );
    expect(later!.n).toBeGreaterThan(5); // the subtraction is exercised
    await expectCountsAsRegrouped();
    await expectReadersAsRecounted();
    const [empty] = await db.sql.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM "ContingentCount" WHERE "count" <= 0) + (SELECT count(*) FROM "HealthCount" WHERE "count" <= 0) AS n`,
    );
    expect(Number(empty!.n)).toBe(0);
  });

  it("is rebuilt with the summary, not added to it", async () => {
    await rebuildLearnerSummary(db.prisma);
    await expectCountsAsRegrouped();
    await expectReadersAsRecounted();
  });
});
