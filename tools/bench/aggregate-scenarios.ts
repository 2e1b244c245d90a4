// Every dashboard and report of the oversight and health portals. The raw
// SQL baseline is the very statements the service sends (captured once from
// its $queryRaw calls and replayed on a plain pg connection), so the ratio is
// the application's overhead: HTTP, tRPC, authorisation, serialisation.
import type pg from "pg";
import type { Actor } from "../../src/server/auth/actor";
import type { Db } from "../../src/server/db";
import { Prisma } from "../../src/server/generated/prisma/client";
import { countAgePyramid, countContingent } from "../../src/server/services/dashboards/contingent";
import { countCompleteness } from "../../src/server/services/dashboards/completeness";
import { countMovement } from "../../src/server/services/dashboards/movement";
import type { HealthStatsInput } from "../../src/lib/schemas/health-stats";
import { countHealthStats } from "../../src/server/services/health/health-stats";
import { countHealthMonth, monthOf } from "../../src/server/services/health/health-month-counts";
import { snapshotToday } from "../../src/server/services/quality/quality-snapshots";
import { buildReport } from "../../src/server/services/reports/build-report";
import { todayIso } from "../../src/lib/schemas/person";
import type { BenchClient } from "./clients";
import type { Scenario } from "./registry-scenarios";

interface Statement { text: string; values: unknown[] }

/** A Prisma client whose $queryRaw calls are recorded (and still executed). */
function recording(db: Db, statements: Statement[]): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === "$queryRaw") {
        return (query: Prisma.Sql | TemplateStringsArray, ...rest: unknown[]) => {
          // Called as db.$queryRaw(Prisma.sql`…`) or as a tagged template db.$queryRaw`…`.
          const sql = "raw" in query ? Prisma.sql(query, ...rest) : query;
          statements.push({ text: sql.text, values: sql.values });
          return (target.$queryRaw as (...a: unknown[]) => Promise<unknown>)(query, ...rest);
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

export async function captured(db: Db, run: (db: Db) => Promise<unknown>): Promise<Statement[]> {
  const statements: Statement[] = [];
  await run(recording(db, statements));
  if (!statements.length) throw new Error("The service issued no $queryRaw statement to replay");
  return statements;
}

export interface AggregateContext {
  db: Db;
  sql: pg.Client;
  officer: BenchClient;
  health: BenchClient;
  officerActor: Actor;
  healthActor: Actor;
  municipalityId: string;
}

// Today's figures come from the per-learner summary; a past date recounts
// from the detail tables, so both are measured.
const AS_OF = todayIso();
const PAST = `${Number(AS_OF.slice(0, 4)) - 1}-10-01`;
/** A past date within a month: the month's counts plus the learners changed since its first day. */
const PAST_MID_MONTH = `${Number(AS_OF.slice(0, 4)) - 1}-03-17`;
const PERIOD = { from: "2025-09-01", to: "2026-08-31" };

export async function aggregateScenarios(c: AggregateContext, picked: (name: string) => boolean): Promise<Scenario[]> {
  const o = c.officer.trpc.ministry;
  const defs: [string, () => Promise<unknown>, (db: Db) => Promise<unknown>, Actor][] = [
    ["dashboard: contingent, region", () => o.dashboard.contingent.query({}), (db) => countContingent(db, c.officerActor, {}), c.officerActor],
    ["dashboard: contingent, one municipality", () => o.dashboard.contingent.query({ municipalityId: c.municipalityId }), (db) => countContingent(db, c.officerActor, { municipalityId: c.municipalityId }), c.officerActor],
    ["dashboard: age pyramid, region", () => o.dashboard.agePyramid.query({}), (db) => countAgePyramid(db, c.officerActor, {}), c.officerActor],
    ["dashboard: movement for a year, region", () => o.dashboard.movement.query(PERIOD), (db) => countMovement(db, c.officerActor, PERIOD), c.officerActor],
    ["dashboard: completeness, region", () => o.dashboard.completeness.query({}), (db) => countCompleteness(db, c.officerActor, {}), c.officerActor],
    ["report: ОО-1", () => o.reports.oo1.query({ asOf: AS_OF }), (db) => buildReport(db, c.officerActor, "oo1", { asOf: AS_OF }), c.officerActor],
    ["report: 1-ДО", () => o.reports.do1.query({ asOf: AS_OF }), (db) => buildReport(db, c.officerActor, "do1", { asOf: AS_OF }), c.officerActor],
    ["report: movement for a year", () => o.reports.movement.query(PERIOD), (db) => buildReport(db, c.officerActor, "movement", PERIOD), c.officerActor],
    ["report: health aggregates", () => o.reports.health.query({ asOf: AS_OF }), (db) => buildReport(db, c.officerActor, "health", { asOf: AS_OF }), c.officerActor],
    ["report: ОО-1, past date", () => o.reports.oo1.query({ asOf: PAST }), (db) => buildReport(db, c.officerActor, "oo1", { asOf: PAST }), c.officerActor],
    ["report: health aggregates, past date", () => o.reports.health.query({ asOf: PAST }), (db) => buildReport(db, c.officerActor, "health", { asOf: PAST }), c.officerActor],
    ["report: health aggregates, mid-month past date", () => o.reports.health.query({ asOf: PAST_MID_MONTH }), (db) => buildReport(db, c.officerActor, "health", { asOf: PAST_MID_MONTH }), c.officerActor],
  ];
  const health: HealthStatsInput[] = [
    { measure: "healthGroup", by: "municipality", asOf: AS_OF },
    { measure: "peGroup", by: "age", asOf: AS_OF },
    { measure: "disability", by: "grade", asOf: AS_OF },
    { measure: "ovzCategory", by: "organisation", asOf: AS_OF },
    // By age a past date is counted from the history, every learner (no month counts).
    { measure: "peGroup", by: "age", asOf: PAST },
  ];
  for (const input of health) {
    defs.push([`health stats: ${input.measure} × ${input.by}${input.asOf === AS_OF ? "" : ", past date"}`, () => c.health.trpc.health.stats.counts.query(input), (db) => countHealthStats(db, c.healthActor, input), c.healthActor]);
  }
  const scenarios: Scenario[] = [];
  const replay = (statements: Awaited<ReturnType<typeof captured>>) => async () => {
    for (const s of statements) await c.sql.query(s.text, s.values as unknown[]);
  };
  for (const [name, app, service] of defs) {
    if (!picked(name)) continue; // capturing runs the aggregate once
    scenarios.push({ name, budgetP95: 1000, app, sql: replay(await captured(c.db, service)) });
  }
  // Last, as it leaves the month uncounted until the server's background
  // count: before each run (untimed) the month's counts are dropped, so the
  // report counts every learner from the history, as in a month not yet counted.
  const uncounted = "report: health aggregates, past date, month not counted";
  if (picked(uncounted)) {
    const forget = () => c.sql.query(`DELETE FROM "HealthMonth" WHERE "month" = $1::date`, [monthOf(PAST)]);
    await forget();
    const statements = await captured(c.db, (db) => buildReport(db, c.officerActor, "health", { asOf: PAST }));
    await countHealthMonth(c.db, monthOf(PAST)); // for the scenarios measured before this one
    scenarios.push({ name: uncounted, budgetP95: 1000, before: forget, app: () => o.reports.health.query({ asOf: PAST }), sql: replay(statements) });
  }
  // The ministry reads today's snapshot; the server recounts it in the background.
  if (picked("data quality: counts")) {
    scenarios.push({
      name: "data quality: counts per organisation",
      budgetP95: 1000,
      app: () => o.quality.counts.query(),
      sql: () => c.sql.query(`SELECT "organisationId", "check", "count", "refreshedAt" FROM "DataQualitySnapshot" WHERE "takenOn" = $1`, [AS_OF]),
    });
  }
  if (picked("data quality: recount")) {
    scenarios.push({ name: "data quality: recount (background job)", runs: 2, app: () => snapshotToday(c.db) });
  }
  return scenarios;
}
