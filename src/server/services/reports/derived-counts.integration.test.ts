// The movement figures read monthly counts kept by a trigger, and form 1-ДО
// reads participations kept by the summary's flush. On a generated region,
// after orders are cancelled and placed and participations end, change and
// begin, both must equal a recount from MovementEvent and Enrolment — the
// definitions, written out below as plain SQL — for periods and dates with
// whole and partial months.
import { afterAll, beforeAll, expect, it } from "vitest";
import { reportsRu } from "@/messages/reports-ru";
import { createTestRegion, type TestRegion } from "../../../../tools/generate/test-region";
import { loadActor, type Actor } from "../../auth/actor";
import { signedInClaims } from "../../testing/sessions";
import { describeDb, type TestDatabase } from "../../testing/test-db";
import { countMovement } from "../dashboards/movement";
import { buildReport } from "./build-report";
import type { ReportModel } from "./report-model";

const year = new Date().getUTCFullYear();
const PERIODS: [string, string][] = [
  [`${year - 1}-09-01`, `${year}-08-31`], // a school year: whole months only
  [`${year - 2}-08-20`, `${year}-02-10`], // partial months at both ends
  [`${year - 1}-09-10`, `${year - 1}-11-05`], // orders in both partial months (15 Sep, 3 Nov) and a whole October
  [`${year - 1}-09-01`, `${year - 1}-09-01`], // one day
  [`${year - 1}-05-02`, `${year - 1}-05-30`], // inside one month
  [`${year - 3}-01-01`, `${year + 1}-12-31`], // everything
];
const DATES = [`${year - 1}-10-01`, `${year}-01-15`, `${year + 1}-01-01`];
const SIX = `('ENROLMENT', 'TRANSFER_IN', 'REINSTATEMENT', 'TRANSFER_OUT', 'EXPULSION', 'GRADUATION')`;

/** Movement by definition: orders in the period that no cancellation references. */
const MOVEMENT_RECOUNT = `
  SELECT mu."name" AS mu, ev."type"::text AS type, count(*)::int AS n
  FROM "MovementEvent" ev JOIN "Organisation" o ON o."id" = ev."organisationId" JOIN "Municipality" mu ON mu."id" = o."municipalityId"
  WHERE ev."type"::text IN ${SIX} AND ev."effectiveDate" BETWEEN $1::date AND $2::date
    AND NOT EXISTS (SELECT 1 FROM "MovementEvent" c WHERE c."learnerId" = ev."learnerId" AND c."cancelsEventId" = ev."id")
  GROUP BY 1, 2`;

/** 1-ДО by definition: open additional enrolments on the date, with the learner's sex and age on 1 January. */
const DO1_RECOUNT = `
  SELECT COALESCE(p."direction"::text, '') AS direction, date_part('year', age(date_trunc('year', $1::date)::date, l."birthDate"))::int AS age,
         l."sex"::text AS sex, count(*)::int AS n
  FROM "Enrolment" e JOIN "Learner" l ON l."id" = e."learnerId" LEFT JOIN "Programme" p ON p."id" = e."programmeId"
  WHERE NOT e."isBasic" AND e."level" = 'ADDITIONAL' AND e."enrolledAt" <= $1::date AND (e."endedAt" IS NULL OR e."endedAt" > $1::date)
  GROUP BY 1, 2, 3`;

type Model = ReportModel;
/** Non-zero cells of a report's first table as "row|column" → count, the last `totals` columns left out. */
function cells(model: Model, totals = 1): Record<string, number> {
  const t = model.tables[0]!;
  const out: Record<string, number> = {};
  for (const row of t.rows) t.columns.slice(1, -totals).forEach((c, i) => Number(row[i + 1]) && (out[`${row[0]}|${c}`] = Number(row[i + 1])));
  return out;
}

const r = reportsRu.reports;
const directionLabel = (key: string) => (key ? (r.directions as Record<string, string>)[key]! : r.columns.noDirection);
const sexLabel = (sex: string) => (sex === "MALE" ? r.columns.male : r.columns.female);

describeDb("movement counts and 1-ДО participations against a recount", () => {
  let region: TestRegion;
  let db: TestDatabase;
  let officer: Actor;

  async function expectMovementAsRecounted() {
    for (const [from, to] of PERIODS) {
      const rows = await db.sql.query<{ mu: string; type: string; n: number }>(MOVEMENT_RECOUNT, [from, to]);
      const expected = Object.fromEntries(rows.map((x) => [`${x.mu}|${r.movementTypes[x.type as keyof typeof r.movementTypes]}`, x.n]));
      expect(cells(await buildReport(db.prisma, officer, "movement", { from, to }), 2), `${from}..${to}`).toEqual(expected);
      const byType = (await countMovement(db.prisma, officer, { from, to })).byType.filter((x) => x.count);
      const total = (type: string) => rows.filter((x) => x.type === type).reduce((s, x) => s + x.n, 0);
      expect(byType.map((x) => [x.type, x.count]), `${from}..${to}`).toEqual(byType.map((x) => [x.type, total(x.type)]));
      expect(byType.length).toBe(new Set(rows.map((x) => x.type)).size);
    }
  }

  async function expectDo1AsRecounted() {
    for (const asOf of DATES) {
      const rows = await db.sql.query<{ direction: string; age: number; sex: string; n: number }>(DO1_RECOUNT, [asOf]);
      const expected: Record<string, number> = {};
      for (const x of rows) expected[`${directionLabel(x.direction)}|${x.age}: ${sexLabel(x.sex)}`] = x.n;
      expect(Object.keys(expected).length, asOf).toBeGreaterThan(4);
      expect(cells(await buildReport(db.prisma, officer, "do1", { asOf })), asOf).toEqual(expected);
    }
  }

  beforeAll(async () => {
    region = await createTestRegion({ learners: 600, seed: 5, gradeYears: 3 });
    db = region.db;
    officer = (await loadActor(db.prisma, await signedInClaims(db.prisma, "edu.officer")))!;
  });
  afterAll(async () => {
    await region?.close();
  });

  it("equals the recount straight after the bulk load (built whole by the rebuild)", async () => {
    const [counts] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "MovementCount"`);
    expect(counts!.n).toBeGreaterThan(20);
    await expectMovementAsRecounted();
    await expectDo1AsRecounted();
  });

  it("follows cancellations and new orders written in one statement, folded or not", async () => {
    const by = `(SELECT "id" FROM "User" LIMIT 1)`;
    // A cancellation of an order, and a new order cancelled in the same statement.
    await db.sql.query(`
      WITH victims AS (SELECT * FROM "MovementEvent" WHERE "type"::text IN ${SIX} ORDER BY "id" LIMIT 25),
      fresh AS (SELECT gen_random_uuid() AS "newId", v."learnerId", v."organisationId" FROM victims v LIMIT 5)
      INSERT INTO "MovementEvent" ("id", "learnerId", "organisationId", "type", "orderNumber", "orderDate", "effectiveDate", "cancelsEventId", "createdById")
      SELECT gen_random_uuid(), "learnerId", "organisationId", 'CANCELLATION'::"MovementType", 'О-1', "orderDate", "effectiveDate", "id", ${by} FROM victims
      UNION ALL
      SELECT "newId", "learnerId", "organisationId", 'EXPULSION'::"MovementType", 'П-1', '${year - 1}-11-03', '${year - 1}-11-03', NULL, ${by} FROM fresh`);
    await db.sql.query(`
      INSERT INTO "MovementEvent" ("id", "learnerId", "organisationId", "type", "orderNumber", "orderDate", "effectiveDate", "cancelsEventId", "createdById")
      SELECT gen_random_uuid(), "learnerId", "organisationId", 'CANCELLATION', 'О-2', "orderDate", "effectiveDate", "id", ${by}
      FROM "MovementEvent" WHERE "type" = 'EXPULSION' AND "orderNumber" = 'П-1' ORDER BY "MovementEvent"."id" LIMIT 2`);
    const [pending] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "MovementCountDelta"`);
    expect(pending!.n).toBeGreaterThan(0);
    await expectMovementAsRecounted(); // deltas not folded yet
    await db.sql.query(`SELECT "movement_count_flush"()`);
    const [left] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "MovementCountDelta"`);
    expect(left!.n).toBe(0);
    await expectMovementAsRecounted();
  });

  it("follows participations that end, begin and change with their learner", async () => {
    const additional = `SELECT "id" FROM "Enrolment" WHERE NOT "isBasic" AND "level" = 'ADDITIONAL' ORDER BY "id"`;
    await db.sql.query(`UPDATE "Enrolment" SET "status" = 'ENDED', "endedAt" = '${year - 1}-12-01' WHERE "id" IN (${additional} LIMIT 15)`);
    await db.sql.query(`UPDATE "Learner" SET "sex" = CASE WHEN "sex" = 'MALE' THEN 'FEMALE'::"Sex" ELSE 'MALE'::"Sex" END, "birthDate" = "birthDate" - 400
      WHERE "id" IN (SELECT "learnerId" FROM "Enrolment" WHERE "id" IN (${additional} OFFSET 15 LIMIT 15))`);
    await db.sql.query(`
      INSERT INTO "Enrolment" ("id", "learnerId", "organisationId", "level", "isBasic", "programmeId", "enrolledAt", "status")
      SELECT gen_random_uuid(), l."id", p."organisationId", 'ADDITIONAL', false, p."id", '${year}-01-10', 'ACTIVE'
      FROM (SELECT "id" FROM "Learner" ORDER BY "id" LIMIT 12) l
      CROSS JOIN LATERAL (SELECT * FROM "Programme" WHERE "level" = 'ADDITIONAL' ORDER BY "id" LIMIT 1) p`);
    await db.sql.query(`DELETE FROM "Enrolment" WHERE "id" IN (${additional} OFFSET 30 LIMIT 3)
      AND NOT EXISTS (SELECT 1 FROM "MovementEvent" m WHERE m."learnerId" = "Enrolment"."learnerId" AND m."enrolmentId" = "Enrolment"."id")`);
    await expectDo1AsRecounted();
  });
});
