// `npx tsx tools/bench/results-bench.ts [-- --runs 10 --only ГИА]`
// The learners' results scenarios (results-scenarios.ts) without a
// production build: each procedure is called in process through the tRPC
// caller (same context, middleware, authorisation and audit as a request;
// no HTTP), beside the raw SQL it sends. `npm run bench` measures the same
// scenarios over HTTP against `next start`. See docs/performance.md.
import { randomBytes } from "node:crypto";
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { loadActor } from "../../src/server/auth/actor";
import { openDatabase } from "../../src/server/db";
import { resolveDatabaseTarget } from "../../src/server/db/target";
import { callerAs } from "../../src/server/testing/callers";
import { signedInClaims } from "../../src/server/testing/sessions";
import { resultsScenarios, type ResultsCalls } from "./results-scenarios";
import { measure, printHeader, printRow } from "./stats";

const { values: args } = parseArgs({ options: { runs: { type: "string", default: "10" }, only: { type: "string" } } });
const picked = (name: string) => !args.only || args.only.split(",").some((part) => name.includes(part.trim()));
// The server's environment check wants a session secret; in process nothing is signed with it.
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
const target = resolveDatabaseTarget();
if (target.kind !== "postgres") throw new Error("The results bench needs DATABASE_URL=postgresql://… filled by `npm run db:generate`.");

const sql = new pg.Client({ connectionString: target.url });
await sql.connect();
const app = await openDatabase(target);
try {
  const [{ learners }] = (await sql.query(`SELECT count(*)::int AS learners FROM "Learner"`)).rows as [{ learners: number }];
  const [{ version }] = (await sql.query("SELECT current_setting('server_version') AS version")).rows as [{ version: string }];
  const counts = (await sql.query(`SELECT (SELECT count(*) FROM "SubjectGrade")::int AS marks, (SELECT count(*) FROM "ExamResult")::int AS exams`)).rows[0] as { marks: number; exams: number };
  console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; PostgreSQL ${version}; Node ${process.version}`);
  console.log(`Data: ${learners.toLocaleString("en")} learners, ${counts.marks.toLocaleString("en")} marks, ${counts.exams.toLocaleString("en")} exam results; in process (tRPC caller, no HTTP); ${args.runs} runs each\n`);
  const school = await callerAs(app.prisma, "school.admin");
  const officer = await callerAs(app.prisma, "edu.officer");
  const calls: ResultsCalls = {
    classView: (input) => school.school.performance.class(input),
    territory: (input) => officer.ministry.performance.table(input),
    gia: (input) => officer.ministry.gia.results(input),
  };
  const officerActor = (await loadActor(app.prisma, await signedInClaims(app.prisma, "edu.officer")))!;
  const schoolActor = (await loadActor(app.prisma, await signedInClaims(app.prisma, "school.admin")))!;
  if (schoolActor.scope.kind !== "ORGANISATION") throw new Error("school.admin must be an organisation account");
  const scenarios = await resultsScenarios({ db: app.prisma, sql, calls, officerActor, schoolId: schoolActor.scope.organisationId }, picked);
  printHeader();
  for (const s of scenarios) {
    const runs = Number(args.runs);
    const appSummary = await measure(runs, 1, s.app, s.before);
    const sqlSummary = s.sql ? await measure(runs, 1, s.sql, s.before) : null;
    printRow(s.name, appSummary, sqlSummary, s.budgetP95 ? { p95: s.budgetP95 } : undefined);
  }
} finally {
  await app.close();
  await sql.end();
}
