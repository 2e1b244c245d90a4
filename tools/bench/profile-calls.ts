// `npm run bench:profile [-- --runs 30 --only card]`: where one registry call
// spends its time, statement by statement. Calls go through the tRPC caller
// (same middleware, services and audit as over HTTP, minus HTTP and superjson)
// on a Prisma client that reports every statement it sends; the table shows
// the call's wall time next to the number of statements and the time spent
// inside them, so the fixed cost per request is visible apart from the query
// that answers the question. Needs a database filled by `npm run db:generate`.
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../src/server/generated/prisma/client";
import { resolveDatabaseTarget } from "../../src/server/db/target";
import { signedInClaims } from "../../src/server/testing/sessions";
import { createCaller } from "../../src/server/trpc/root";
import { SURNAMES } from "../generate/names";
import { snilsFor } from "../generate/people";
import { summarize } from "./stats";

const { values: args } = parseArgs({ options: { runs: { type: "string", default: "30" }, only: { type: "string" }, statements: { type: "boolean", default: false } } });
const target = resolveDatabaseTarget();
if (target.kind !== "postgres") throw new Error("bench:profile needs DATABASE_URL=postgresql://… filled by `npm run db:generate`.");

interface Statement { sql: string; ms: number }
let statements: Statement[] = [];
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url }), log: [{ emit: "event", level: "query" }] });
prisma.$on("query", (e) => statements.push({ sql: e.query, ms: Number(e.duration) }));

const caller = async (login: string) => createCaller({ db: prisma, claims: await signedInClaims(prisma, login), ip: "127.0.0.1" });
const school = await caller("school.admin");
const officer = await caller("edu.officer");
const cardIds = (await prisma.$queryRawUnsafe<{ id: string }[]>(
  `SELECT e."learnerId" AS id FROM "Enrolment" e JOIN "User" u ON u."organisationId" = e."organisationId" WHERE u.login = 'school.admin' AND e.status = 'ACTIVE' LIMIT 200`,
)).map((r) => r.id);
const learners = Number((await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "Learner"`))[0]!.n);
const schoolSnils = (await prisma.$queryRawUnsafe<{ i: string }[]>(
  `SELECT right(e."learnerId"::text, 12) AS i FROM "Enrolment" e JOIN "User" u ON u."organisationId" = e."organisationId" WHERE u.login = 'school.admin' AND e.status = 'ACTIVE' LIMIT 200`,
)).map((r) => snilsFor(parseInt(r.i, 16)));
const prefixes = SURNAMES.slice(0, 40).map(([male]) => male.slice(0, 4));

const scenarios: { name: string; call: (i: number) => Promise<unknown> }[] = [
  { name: "floor: account.gate (session only)", call: () => school.account.gate() },
  { name: "learner card", call: (i) => school.learners.card({ id: cardIds[i % cardIds.length]! }) },
  { name: "SNILS, one school", call: (i) => school.learners.list({ search: schoolSnils[i % schoolSnils.length]! }) },
  { name: "SNILS, region", call: (i) => officer.learners.search({ query: snilsFor((i * 7_919) % learners) }) },
  { name: "prefix, one school", call: (i) => school.learners.list({ search: prefixes[i % prefixes.length]! }) },
  { name: "prefix, region", call: (i) => officer.learners.search({ query: prefixes[i % prefixes.length]! }) },
  { name: "list page 1", call: () => school.learners.list({ sort: "name", page: 0, pageSize: 50 }) },
];

const runs = Number(args.runs);
console.log(`${"call".padEnd(36)} ${"median".padStart(7)} ${"p95".padStart(7)}  stmts  ${"in SQL".padStart(7)}  outside`);
for (const s of scenarios.filter((x) => !args.only || x.name.includes(args.only))) {
  for (let i = 0; i < 3; i++) await s.call(i);
  const wall: number[] = [];
  const inSql: number[] = [];
  let last: Statement[] = [];
  for (let i = 0; i < runs; i++) {
    statements = [];
    const t = performance.now();
    await s.call(i + 3);
    wall.push(performance.now() - t);
    inSql.push(statements.reduce((a, b) => a + b.ms, 0));
    last = statements;
  }
  const w = summarize(wall);
  const q = summarize(inSql);
  console.log(`${s.name.padEnd(36)} ${w.median.toFixed(1).padStart(7)} ${w.p95.toFixed(1).padStart(7)}  ${String(last.length).padStart(5)}  ${q.median.toFixed(1).padStart(7)}  ${(w.median - q.median).toFixed(1).padStart(7)}`);
  if (args.statements) for (const st of last) console.log(`    ${String(st.ms).padStart(4)} ms  ${st.sql.replace(/\s+/g, " ").slice(0, Number(process.env.PROFILE_SQL_CHARS ?? 150))}`);
}
await prisma.$disconnect();
