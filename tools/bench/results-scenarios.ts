// Learners' results (issue 21): the school's view of one class, the
// ministry's view of marks for the region and one municipality, and the ГИА
// tables. The raw SQL baseline is the statements the service sends (captured
// as in aggregate-scenarios.ts); the class view runs in one transaction with
// its audit write and has none. Report budget: p95 ≤ 1 s.
import type pg from "pg";
import type { ClassPerformanceInput, TerritoryPerformanceInput } from "../../src/lib/schemas/performance";
import type { GiaResultsInput } from "../../src/lib/schemas/gia-results";
import type { Actor } from "../../src/server/auth/actor";
import type { Db } from "../../src/server/db";
import { giaResults } from "../../src/server/services/gia-results/gia-results";
import { territoryPerformance } from "../../src/server/services/performance/territory-performance";
import { captured } from "./aggregate-scenarios";
import type { BenchClient } from "./clients";
import type { Scenario } from "./registry-scenarios";

/** The three procedures, over HTTP (npm run bench) or in process (results-bench.ts). */
export interface ResultsCalls {
  classView: (input: ClassPerformanceInput) => Promise<unknown>;
  territory: (input: TerritoryPerformanceInput) => Promise<unknown>;
  gia: (input: GiaResultsInput) => Promise<unknown>;
}

export const httpResultsCalls = (school: BenchClient, officer: BenchClient): ResultsCalls => ({
  classView: (input) => school.trpc.school.performance.class.query(input),
  territory: (input) => officer.trpc.ministry.performance.table.query(input),
  gia: (input) => officer.trpc.ministry.gia.results.query(input),
});

export interface ResultsContext {
  db: Db;
  sql: pg.Client;
  calls: ResultsCalls;
  officerActor: Actor;
  schoolId: string;
}

/** The generator's current academic year (tools/generate/plan.ts) and the ГИА of its June. */
const YEAR = 2026;

/** The school's largest class of the year that has quarter marks (grades 2–9). */
async function largestClass(sql: pg.Client, schoolId: string): Promise<string | null> {
  const { rows } = await sql.query<{ id: string }>(
    `SELECT c."id"::text AS "id" FROM "SchoolClass" c JOIN "Enrolment" e ON e."classId" = c."id" AND e."status" = 'ACTIVE'
      WHERE c."organisationId" = $1 AND c."academicYear" = $2 AND c."grade" BETWEEN 2 AND 9
      GROUP BY c."id" ORDER BY count(*) DESC, c."id" LIMIT 1`,
    [schoolId, YEAR],
  );
  return rows[0]?.id ?? null;
}

/** The municipality with the most learners: the heaviest one-municipality view. */
async function largestMunicipality(sql: pg.Client): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `SELECT o."municipalityId"::text AS "id" FROM "Enrolment" e JOIN "Organisation" o ON o."id" = e."organisationId"
      WHERE e."isBasic" AND e."status" = 'ACTIVE' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
  );
  return rows[0]!.id;
}

export async function resultsScenarios(c: ResultsContext, picked: (name: string) => boolean): Promise<Scenario[]> {
  const scenarios: Scenario[] = [];
  const replay = (statements: Awaited<ReturnType<typeof captured>>) => async () => {
    for (const s of statements) await c.sql.query(s.text, s.values as unknown[]);
  };
  const classId = await largestClass(c.sql, c.schoolId);
  const classView = "results: school view of one class, 1 четверть";
  if (classId && picked(classView)) {
    scenarios.push({ name: classView, budgetP95: 1000, app: () => c.calls.classView({ classId, period: "1 четверть" }) });
  }
  const municipalityId = await largestMunicipality(c.sql);
  const territory: [string, TerritoryPerformanceInput][] = [
    ["results: ministry marks, region, 1 четверть", { academicYear: YEAR, period: "1 четверть" }],
    ["results: ministry marks, region, 1 полугодие", { academicYear: YEAR, period: "1 полугодие" }],
    ["results: ministry marks, largest municipality", { academicYear: YEAR, period: "1 четверть", municipalityId }],
  ];
  for (const [name, input] of territory) {
    if (!picked(name)) continue; // capturing runs the query once
    const statements = await captured(c.db, (db) => territoryPerformance(db, c.officerActor, input));
    scenarios.push({ name, budgetP95: 1000, app: () => c.calls.territory(input), sql: replay(statements) });
  }
  const gia: [string, GiaResultsInput][] = [
    ["results: ГИА ОГЭ, region", { year: YEAR, kind: "OGE" }],
    ["results: ГИА ЕГЭ, region", { year: YEAR, kind: "EGE" }],
    ["results: ГИА ОГЭ, largest municipality", { year: YEAR, kind: "OGE", municipalityId }],
  ];
  for (const [name, input] of gia) {
    if (!picked(name)) continue;
    const statements = await captured(c.db, (db) => giaResults(db, c.officerActor, input));
    scenarios.push({ name, budgetP95: 1000, app: () => c.calls.gia(input), sql: replay(statements) });
  }
  return scenarios;
}
