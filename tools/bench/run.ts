// `npm run bench [-- --runs 50 --only card,report: --skip-import --url http://127.0.0.1:3000]`
// Benchmarks against a production build on loopback and a PostgreSQL
// database filled by `npm run db:generate`: median/p95/p99 of each registry,
// dashboard and report call, the same question in raw SQL in the same run,
// the CSV import rate and sustained throughput. See docs/performance.md.
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { loadActor } from "../../src/server/auth/actor";
import { blindIndex } from "../../src/server/crypto/field-crypto";
import { openDatabase } from "../../src/server/db";
import { resolveDatabaseTarget } from "../../src/server/db/target";
import { signedInClaims } from "../../src/server/testing/sessions";
import { aggregateScenarios } from "./aggregate-scenarios";
import { countNextHealthMonth } from "../../src/server/services/health/health-month-counts";
import { startAppServer } from "./app-server";
import { signedInClient } from "./clients";
import { importCsv, sustained, uploadImport } from "./import-and-load";
import { indexOfLearnerId, registryScenarios, type Scenario } from "./registry-scenarios";
import { httpResultsCalls, resultsScenarios } from "./results-scenarios";
import { printSizes } from "./sizes";
import { measure, printHeader, printRow } from "./stats";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "50" },
    "aggregate-runs": { type: "string", default: "10" },
    only: { type: "string" },
    url: { type: "string" },
    port: { type: "string", default: "3310" },
    "skip-import": { type: "boolean", default: false },
    "import-rows": { type: "string", default: "100000" },
    seconds: { type: "string", default: "20" },
    concurrency: { type: "string", default: "8" },
  },
});
const runs = Number(args.runs);
/** `--only card,report:` keeps the scenarios whose name contains any of the parts. */
const picked = (name: string) => !args.only || args.only.split(",").some((part) => name.includes(part.trim()));
const target = resolveDatabaseTarget();
if (target.kind !== "postgres") throw new Error("npm run bench needs DATABASE_URL=postgresql://… filled by `npm run db:generate` (the budgets are for PostgreSQL).");

const sql = new pg.Client({ connectionString: target.url });
await sql.connect();
const app = await openDatabase(target);
const server = args.url ? { url: args.url.replace(/\/$/, ""), secret: process.env.NEXTAUTH_SECRET ?? "", stop() {} } : await startAppServer(target.url, Number(args.port));
if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(server.url)) throw new Error("The benchmark runs on loopback only.");
try {
  const [{ learners }] = (await sql.query(`SELECT count(*)::int AS learners FROM "Learner"`)).rows as [{ learners: number }];
  if (learners < 1000) throw new Error("Fill the database first: npm run db:generate -- --learners 1000000");
  const [{ version }] = (await sql.query("SELECT current_setting('server_version') AS version")).rows as [{ version: string }];
  console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; PostgreSQL ${version}; Node ${process.version}`);
  console.log(`Data: ${learners.toLocaleString("en")} learners; app ${server.url}; ${runs} runs per registry scenario, ${args["aggregate-runs"]} per dashboard/report (p95/p99 from those runs)`);
  // What a running server has counted in the background; counted here first
  // so that the server's own background count does not run during the timings.
  const started = performance.now();
  let counted = 0;
  while (await countNextHealthMonth(app.prisma)) counted++;
  // A month dropped by an earlier bench (the "month not counted" scenario) leaves dead index entries.
  if (counted) await sql.query(`VACUUM ANALYZE "HealthMonthCount"`);
  console.log(`Health month counts: ${counted} months counted in ${((performance.now() - started) / 1000).toFixed(1)} s before measuring (the server's background job)\n`);

  const school = await signedInClient(app.prisma, server.url, server.secret, "school.admin");
  const officer = await signedInClient(app.prisma, server.url, server.secret, "edu.officer");
  const health = await signedInClient(app.prisma, server.url, server.secret, "health.officer");
  const actorOf = async (login: string) => {
    return (await loadActor(app.prisma, await signedInClaims(app.prisma, login)))!;
  };
  const schoolActor = await actorOf("school.admin");
  if (schoolActor.scope.kind !== "ORGANISATION") throw new Error("school.admin must be an organisation account");
  const schoolId = schoolActor.scope.organisationId;
  const schoolLearners = (await sql.query(`SELECT "learnerId" AS id FROM "Enrolment" WHERE "organisationId" = $1 AND status = 'ACTIVE' ORDER BY id LIMIT 500`, [schoolId])).rows
    .map((r: { id: string }) => ({ id: r.id, index: indexOfLearnerId(r.id) }));
  const [region] = (await sql.query(`SELECT id FROM "Region" WHERE code = '99'`)).rows as [{ id: string }];
  const [municipality] = (await sql.query(`SELECT id FROM "Municipality" WHERE "regionId" = $1 ORDER BY oktmo LIMIT 1`, [region.id])).rows as [{ id: string }];
  const snilsColumn = (await sql.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'Learner' AND column_name = 'snilsIndex'`)).rowCount ? "snilsIndex" : "snils";
  const scenarios: Scenario[] = [
    ...registryScenarios({
      sql, regionId: region.id, schoolId, learnerCount: learners, schoolLearners, officer, school,
      snilsWhere: (snils) => (snilsColumn === "snilsIndex" ? { column: "snilsIndex", value: blindIndex("snils", snils) } : { column: "snils", value: snils }),
    }),
    ...(await aggregateScenarios({ db: app.prisma, sql, officer, health, officerActor: await actorOf("edu.officer"), healthActor: await actorOf("health.officer"), municipalityId: municipality.id }, picked)),
    ...(await resultsScenarios({ db: app.prisma, sql, calls: httpResultsCalls(school, officer), officerActor: await actorOf("edu.officer"), schoolId }, picked)),
  ].filter((s) => picked(s.name));

  printHeader();
  for (const s of scenarios) {
    // Aggregates take up to a second each: fewer runs keep the whole bench in minutes.
    const n = s.runs ?? (s.budgetP95 === 1000 ? Number(args["aggregate-runs"]) : runs);
    const warmUp = s.runs !== undefined ? 0 : s.budgetP95 === 1000 ? 1 : 3;
    const appSummary = await measure(n, warmUp, s.app, s.before);
    const sqlSummary = s.sql ? await measure(n, warmUp, s.sql, s.before) : null;
    printRow(s.name, appSummary, sqlSummary, s.budgetP95 ? { p95: s.budgetP95 } : undefined);
  }

  if (picked("throughput")) {
    const seconds = Number(args.seconds);
    const concurrency = Number(args.concurrency);
    const r = await sustained(seconds, concurrency, (i) => school.trpc.learners.list.query({ grade: 1 + (i % 11), page: i % 3 }));
    console.log(`\nSustained: learners.list (school list page) ${r.perSecond.toFixed(0)} requests/s over ${seconds} s with ${concurrency} concurrent clients, ${r.errors} errors`);
  }
  await printSizes(sql);
  if (!args["skip-import"] && picked("import")) {
    const rows = Number(args["import-rows"]);
    const csv = importCsv(rows, 50_000_000);
    for (const mode of ["dry-run", "commit"] as const) {
      const t = performance.now();
      await uploadImport(server.url, school, csv, mode);
      const s = (performance.now() - t) / 1000;
      console.log(`CSV import ${mode}: ${rows.toLocaleString("en")} learners in ${s.toFixed(1)} s = ${Math.round(rows / s).toLocaleString("en")} rows/s (budget ≥ 20,000 rows/s for the commit)`);
    }
  }
} finally {
  server.stop();
  await app.close();
  await sql.end();
}
