// `npm test`: every layer of tests (docs/testing.md), overlapped because on
// 2 cores one after the other leaves half the machine idle: the PostgreSQL
// integration files wait on the server most of the time, and each Playwright
// run is one browser talking to one server, waiting on both. So:
//   1. type check ∥ unit tests (the type check reads .next/types, which the
//      build rewrites: not beside the build)
//   2. integration tests on PGlite ∥ on PostgreSQL ∥ the production build,
//      and once the build is done, beside them, Playwright against the
//      embedded database ∥ against PostgreSQL (a throw-away database, the
//      server connecting as the least-privilege role)
// Every test still runs; a failure is reported when its stage ends, and the
// run stops there. PostgreSQL unreachable: its halves are skipped with a
// warning (REQUIRE_POSTGRES=1, as in CI, fails instead). Prints the time of
// each job at the end.
//   --from tests     skip the type check, the unit tests and the build (which must exist), e.g. after fixing a test
import { randomBytes } from "node:crypto";
import pg from "pg";
import { run, type Job } from "./jobs";

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const APP_ROLE = "kontingent_app";
const bin = (name: string) => `node_modules/.bin/${name}`;
const timings: string[] = [];

const STAGES = ["static", "tests"] as const;
const fromArg = process.argv.indexOf("--from") > 0 ? process.argv[process.argv.indexOf("--from") + 1] : "static";
const from = STAGES.indexOf(fromArg as (typeof STAGES)[number]);
if (from < 0) throw new Error(`--from takes one of ${STAGES.join(", ")}`);
const wanted = (name: (typeof STAGES)[number]) => STAGES.indexOf(name) >= from;

/** Runs the jobs of a stage side by side; `after` jobs start once the first of `jobs` has succeeded. */
async function stage(title: string, jobs: Job[], after: Job[] = []) {
  const started = Date.now();
  console.log(`\n=== ${title}`);
  const [first, ...others] = jobs;
  const chain = run(first!).then(async (result) =>
    result.code === 0 ? [result, ...(await Promise.all(after.map((job) => run(job))))] : [result],
  );
  const results = (await Promise.all([chain, ...others.map((job) => run(job).then((r) => [r]))])).flat();
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
  if (wanted("static")) {
    await stage("type check ∥ unit tests", [
      { name: "typecheck", command: bin("tsc"), args: ["--noEmit", "-p", "."] },
      { name: "unit", command: bin("vitest"), args: ["run", "--project", "unit"] },
    ]);
  }
  const database = withPostgres ? await e2eDatabase() : null;
  const build: Job[] = wanted("static") ? [{ name: "build", command: bin("next"), args: ["build"] }] : [];
  const e2e: Job[] = [
    { name: "e2e-pglite", command: bin("playwright"), args: ["test"], env: { E2E_PORT: "3100", E2E_OUTPUT_DIR: "test-results/pglite" } },
  ];
  if (database) {
    e2e.push({
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
    });
  }
  const integration: Job[] = [
    { name: "int-pglite", command: bin("vitest"), args: ["run", "--project", "integration-pglite"] },
    ...(withPostgres ? [{ name: "int-postgres", command: bin("vitest"), args: ["run", "--project", "integration-postgres"] }] : []),
  ];
  try {
    const title = "integration tests ∥ production build, then Playwright (each on PGlite and on PostgreSQL)";
    // The Playwright runs start when the build has succeeded; the integration tests run beside both.
    if (build.length) await stage(title, [...build, ...integration], e2e);
    else await stage(title, [...e2e, ...integration]);
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
