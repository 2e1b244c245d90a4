// `npm run db:generate -- --learners 1000000 [--seed 1] [--grade-years 2]`
// Fills the configured database (DATABASE_URL: PostgreSQL, or the embedded
// one for smaller sizes) with a synthetic region grown from the demo region:
// ~1 organisation per 500 learners, learners with representatives, enrolments
// and movement history, health records, achievements, exams and marks.
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { openPglite, openDatabase } from "../../src/server/db";
import { applyMigrations } from "../../src/server/db/migrate";
import { openSqlConnection, pgliteConnection } from "../../src/server/db/sql";
import { describeTarget, resolveOwnerTarget } from "../../src/server/db/target";
import { pgliteBulkTarget, postgresBulkTarget } from "./copy";
import { generateRegion } from "./generate-region";

const { values } = parseArgs({
  options: {
    learners: { type: "string", default: "10000" },
    seed: { type: "string", default: "1" },
    "grade-years": { type: "string", default: "2" },
  },
});
const learners = Number(values.learners);
const seed = Number(values.seed);
const gradeYears = Number(values["grade-years"]);
if (!Number.isInteger(learners) || learners < 100 || learners > 20_000_000) throw new Error("--learners must be an integer between 100 and 20,000,000");
if (!Number.isInteger(gradeYears) || gradeYears < 0 || gradeYears > 10) throw new Error("--grade-years must be 0–10");

// As the owner: it migrates and loads with the triggers off (session_replication_role), which the application role may not.
const target = resolveOwnerTarget();
if (target.kind === "pglite" && learners > 200_000) console.warn("The embedded database is meant for up to ~200,000 learners; use PostgreSQL (DATABASE_URL) for more.");
console.log(`Database: ${describeTarget(target)}; generating ${learners.toLocaleString("en")} learners (seed ${seed}).`);
const options = { learners, seed, gradeYears, postgres: target.kind === "postgres", log: (line: string) => console.log(line) };

if (target.kind === "postgres") {
  const sql = await openSqlConnection(target);
  await applyMigrations(sql, { log: () => {} }).finally(() => sql.close());
  const app = await openDatabase(target);
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await generateRegion(postgresBulkTarget(client), app.prisma, options);
  } finally {
    await client.end();
    await app.close();
  }
} else {
  // One PGlite instance per directory: the migrations, Prisma and COPY share it.
  const db = await PGlite.create(target.dataDir);
  await applyMigrations(pgliteConnection(db), { log: () => {} });
  const app = openPglite(db);
  try {
    await generateRegion(pgliteBulkTarget(db), app.prisma, options);
  } finally {
    await app.close(); // closes the PGlite instance too
  }
}
