// Registry scenarios of `npm run bench`: each pairs the application call
// (HTTP → tRPC → service, with its audit write) with the hand-written SQL a
// DBA would use to answer the same question, timed in the same run.
import type pg from "pg";
import { searchKey } from "../../src/lib/search-key";
import { normalizeSnils } from "../../src/lib/validators";
import { snilsFor } from "../generate/people";
import { SURNAMES } from "../generate/names";
import type { BenchClient } from "./clients";

export interface Scenario {
  name: string;
  budgetP95?: number;
  app: (i: number) => Promise<unknown>;
  sql?: (i: number) => Promise<unknown>;
  /** Untimed, before each run of `app` and `sql`. */
  before?: (i: number) => Promise<unknown>;
  /** Timed runs when not the default (a background job measured a few times). */
  runs?: number;
}

export interface RegistryContext {
  sql: pg.Client;
  regionId: string;
  schoolId: string;
  learnerCount: number;
  /** Learners of the demo school (ids), for cards. */
  schoolLearners: { id: string; index: number }[];
  officer: BenchClient;
  school: BenchClient;
  /** SQL condition and parameter that find a learner by SNILS (plain or blind index). */
  snilsWhere: (snils: string) => { column: string; value: string };
}

const PREFIXES = SURNAMES.slice(0, 40).map(([male]) => male.slice(0, 4));
const prefix = (i: number) => PREFIXES[i % PREFIXES.length]!;
/** The search key's range for a prefix, as the service queries it (one B-tree range). */
const keyRange = (i: number) => [searchKey(prefix(i)), `${searchKey(prefix(i))}\uffff`];
/** The generator's index of a learner is the last 12 hex digits of its id. */
export const indexOfLearnerId = (id: string) => parseInt(id.slice(-12), 16);

export function registryScenarios(c: RegistryContext): Scenario[] {
  const regionSnils = (i: number) => snilsFor(Math.floor(((i * 7_919) % c.learnerCount)));
  const schoolSnils = (i: number) => snilsFor(c.schoolLearners[i % c.schoolLearners.length]!.index);
  const card = (i: number) => c.schoolLearners[(i * 13) % c.schoolLearners.length]!.id;
  const bySnils = (snils: string) => c.snilsWhere(normalizeSnils(snils)!);
  const identity = `l.id, l."lastName", l."firstName", l."middleName", l."birthDate", l.sex`;
  const current = `LEFT JOIN LATERAL (SELECT e."organisationId", e.grade, e."classLetter" FROM "Enrolment" e
      WHERE e."learnerId" = l.id AND e.status <> 'ENDED' ORDER BY e."isBasic" DESC LIMIT 1) cur ON true`;
  const schoolList = (where: string) => `WITH page AS (
      SELECT ${identity}, e.grade, e."classLetter" FROM "Enrolment" e JOIN "Learner" l ON l.id = e."learnerId"
      WHERE e."organisationId" = $1 AND e.status IN ('ACTIVE', 'PENDING_TRANSFER') AND ${where})
    SELECT (SELECT count(*) FROM page) AS total, p.* FROM page p ORDER BY p."lastName", p."firstName", p."middleName", p.id LIMIT 50`;
  return [
    {
      // The per-request floor: transport, tRPC, the session check and nothing
      // else. What any call costs before its own query; SQL: one round trip.
      name: "floor: session check only (account.gate)",
      app: () => c.school.trpc.account.gate.query(),
      sql: () => c.sql.query("SELECT 1"),
    },
    {
      name: "search: name prefix, region (officer)",
      budgetP95: 50,
      app: (i) => c.officer.trpc.learners.search.mutate({ query: prefix(i) }),
      sql: (i) => c.sql.query(`SELECT ${identity}, cur.* FROM "Learner" l ${current}
        WHERE l."regionId" = $1 AND l."searchName" >= $2 AND l."searchName" < $3 ORDER BY l."searchName", l."birthDate", l.id LIMIT 51`, [c.regionId, ...keyRange(i)]),
    },
    {
      name: "search: exact SNILS, region (officer)",
      budgetP95: 50,
      app: (i) => c.officer.trpc.learners.search.mutate({ query: regionSnils(i) }),
      sql: (i) => {
        const w = bySnils(regionSnils(i));
        return c.sql.query(`SELECT ${identity}, cur.* FROM "Learner" l ${current} WHERE l."${w.column}" = $1`, [w.value]);
      },
    },
    {
      name: "search: name prefix, one school",
      budgetP95: 50,
      app: (i) => c.school.trpc.learners.list.query({ search: prefix(i) }),
      sql: (i) => c.sql.query(schoolList(`l."searchName" >= $2 AND l."searchName" < $3`), [c.schoolId, ...keyRange(i)]),
    },
    {
      name: "search: exact SNILS, one school",
      budgetP95: 50,
      app: (i) => c.school.trpc.learners.list.query({ search: schoolSnils(i) }),
      sql: (i) => {
        const w = bySnils(schoolSnils(i));
        return c.sql.query(schoolList(`l."${w.column}" = $2`), [c.schoolId, w.value]);
      },
    },
    {
      name: "learner card (with its audit write)",
      budgetP95: 30,
      app: (i) => c.school.trpc.learners.card.query({ id: card(i) }),
      sql: (i) => c.sql.query(`SELECT l.*,
          (SELECT json_agg(e ORDER BY e."enrolledAt" DESC) FROM "Enrolment" e WHERE e."learnerId" = l.id) AS enrolments,
          (SELECT json_agg(json_build_object('r', r, 'relation', lr.relation)) FROM "LearnerRepresentative" lr JOIN "Representative" r ON r.id = lr."representativeId" WHERE lr."learnerId" = l.id) AS representatives,
          (SELECT json_agg(k) FROM "Consent" k WHERE k."learnerId" = l.id) AS consents
        FROM "Learner" l WHERE l.id = $1 AND EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."learnerId" = l.id AND e."organisationId" = $2)`, [card(i), c.schoolId]),
    },
    {
      name: "list page: grade filter, by name, page 2",
      budgetP95: 100,
      app: (i) => c.school.trpc.learners.list.query({ grade: 1 + (i % 11), sort: "name", page: 1, pageSize: 50 }),
      sql: (i) => c.sql.query(`${schoolList(`e.grade = $2`)} OFFSET 50`, [c.schoolId, 1 + (i % 11)]),
    },
    {
      name: "list page: whole school, by name, page 1",
      budgetP95: 100,
      app: () => c.school.trpc.learners.list.query({ sort: "name", page: 0, pageSize: 50 }),
      sql: () => c.sql.query(schoolList("true"), [c.schoolId]),
    },
  ];
}
