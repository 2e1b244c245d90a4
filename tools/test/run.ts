// `npm test`: every layer of tests (docs/testing.md), overlapped where the
// layers leave the machine idle. On 2 cores, one after the other wastes about
// half the run: the type check waits on one core while the unit tests could
// use the other, the PostgreSQL integration files spend most of their time
// waiting on the server while PGlite's keep a core busy, and each Playwright
// run is one browser talking to one server. So:
//   1. type check ∥ unit tests
//   2. integration on PGlite ∥ integration on PostgreSQL (separate vitest runs)
//   3. production build
//   4. Playwright on the embedded database ∥ Playwright on PostgreSQL (a
//      throw-away database, the server connecting as the least-privilege role)
// Every step still runs, with the same tests; the first failure is reported
// after its parallel partner ends, and the run stops there. PostgreSQL
// unreachable: its halves are skipped with a warning (REQUIRE_POSTGRES=1, as
// in CI, fails instead). Prints the time of each step at the end.
//   --from <stage>   start at a later stage (static, integration, build, e2e), e.g. after fixing a Playwright test
import { randomBytes } from "node:crypto";
import pg from "pg";
import { run, type Job } from "./jobs";

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const APP_ROLE = "kontingent_app";
const bin = (name: string) => `node_modules/.bin/${name}`;
const timings: string[] = [];

const STAGES = ["static", "integration", "build", "e2e"] as const;
const fromArg = process.argv.indexOf("--from") > 0 ? process.argv[process.argv.indexOf("--from") + 1] : "static";
const from = STAGES.indexOf(fromArg as (typeof STAGES)[number]);
if (from < 0) throw new Error(`--from takes one of ${STAGES.join(", ")}`);
const wanted = (name: (typeof STAGES)[number]) => STAGES.indexOf(name) >= from;

async function stage(title: string, jobs: Job[]) {
  const started = Date.now();
  console.log(`\n=== ${title}`);
  const results = await Promise.all(jobs.map((job) => run(job)));
  const seconds = Math.round((Date.now() - started) / 1000);
  timings.push(`${String(seconds).padStart(5)} s  ${title} (${results.map((r) => `${r.name} ${r.seconds} s`).join(", ")})`);
  const failed = results.filter((r) => r.code !== 0);
  if (failed.length) throw new Error(`${failed.map((r) => `${r.name} exited with ${r.code}`).join("; ")}`);
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch (error) {
    if (process.env.REQUIRE_POSTGRES === "1") throw new Error(`PostgreSQL at ${ADMIN_URL} is required: ${String(error)}`);
    console.warn(`PostgreSQL at ${ADMIN_URL} is unreachable (${String(error)}): its integration tests and Playwright run are skipped`);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A throw-away database for the PostgreSQL Playwright run: owner URL, app-role URL and a drop function. */
async function e2eDatabase() {
  const name = `kt_e2e_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const urlAs = (user: string) => Object.assign(new URL(ADMIN_URL), { pathname: `/${name}`, username: user }).toString();
  return {
    ownerUrl: urlAs(new URL(ADMIN_URL).username || "postgres"),
    appUrl: urlAs(APP_ROLE),
    async drop() {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => client.end());
    },
  };
}

async function main() {
  const withPostgres = await postgresReachable();
  if (wanted("static")) await stage("type check ∥ unit tests", [
    { name: "typecheck", command: bin("tsc"), args: ["--noEmit", "-p", "."] },
    { name: "unit", command: bin("vitest"), args: ["run", "--project", "unit"] },
  ]);
  if (wanted("integration")) await stage("integration tests: PGlite ∥ PostgreSQL", [
    { name: "pglite", command: bin("vitest"), args: ["run", "--project", "integration-pglite*"] },
    ...(withPostgres ? [{ name: "postgres", command: bin("vitest"), args: ["run", "--project", "integration-postgres*"] }] : []),
  ]);
  if (wanted("build")) await stage("production build", [{ name: "build", command: bin("next"), args: ["build"] }]);
  const database = withPostgres ? await e2eDatabase() : null;
  try {
    await stage("Playwright: embedded database ∥ PostgreSQL", [
      { name: "e2e-pglite", command: bin("playwright"), args: ["test"], env: { E2E_PORT: "3100", E2E_OUTPUT_DIR: "test-results/pglite" } },
      ...(database
        ? [
            {
              name: "e2e-postgres",
              // As CI's own steps do: migrate as the owner, create the role if missing (cluster-wide; LOGIN
              // without a password: trust authentication) and grant it; the server's start re-grants.
              command: "sh",
              args: ["-c", `${bin("tsx")} tools/db/migrate.ts >/dev/null && ${bin("tsx")} tools/db/grant.ts --role ${APP_ROLE} --create --login && exec ${bin("playwright")} test`],
              env: {
                DATABASE_URL: database.ownerUrl,
                E2E_PORT: "3101",
                E2E_OUTPUT_DIR: "test-results/postgres",
                E2E_DATABASE_URL: database.appUrl,
                E2E_DATABASE_OWNER_URL: database.ownerUrl,
              },
            },
          ]
        : []),
    ]);
  } finally {
    await database?.drop().catch((error: unknown) => console.warn(`could not drop the e2e database: ${String(error)}`));
  }
}

main()
  .catch((error: unknown) => {
    console.error(`\nnpm test failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => console.log(`\nTimes:\n${timings.join("\n")}`));
