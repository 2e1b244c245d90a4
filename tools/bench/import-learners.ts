// `npm run bench:import`: a generated 10,000-row CSV (valid SNILS, one
// representative and consent per row) imported through the real parsing and
// service code: dry run, commit, and an idempotent re-import. On embedded
// PGlite (in memory) and, if reachable, a throw-away PostgreSQL database.
import { seedDemoRegion } from "../../prisma/seed/demo-region";
import { loadActor } from "../../src/server/auth/actor";
import { seedTestClasses } from "../../src/server/testing/class-fixtures";
import { signedInClaims } from "../../src/server/testing/sessions";
import { importLearners } from "../../src/server/services/learners/import/import-learners";
import { readRows } from "../../src/server/services/learners/import/read-file";
import { learnersCsv } from "../../src/server/testing/import-fixtures";
import { forEachDatabase, type ThrowawayDatabase } from "../../src/server/testing/throwaway-db";

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);

async function bench(name: string, handle: ThrowawayDatabase, file: Uint8Array) {
  // The school's classes exist before its import, as at the start of a year (an import naming a missing class is refused).
  const seeded = await seedDemoRegion(handle.prisma);
  await seedTestClasses(handle.prisma, seeded.organisationIds);
  const actor = (await loadActor(handle.prisma, await signedInClaims(handle.prisma, "school.registrar")))!;
  console.log(`\n${name}`);
  for (const [label, commit] of [["dry run", false], ["commit", true], ["re-import (unchanged)", true]] as const) {
    const start = performance.now();
    // Reading the file is part of every run, as in the route handler.
    const sheet = await readRows(file, "bench.csv");
    const result = await importLearners(handle.prisma, actor, sheet, { commit, fileName: "bench.csv", ip: null });
    const seconds = (performance.now() - start) / 1000;
    if (result.errorCount) throw new Error(`unexpected errors: ${JSON.stringify(result.errors.slice(0, 3))}`);
    const counts = `created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}`;
    console.log(`  ${label.padEnd(22)} ${seconds.toFixed(2).padStart(6)} s  ${Math.round(ROWS / seconds).toLocaleString("en").padStart(7)} rows/s  (${counts})`);
  }
}

async function main() {
  const file = new Uint8Array(Buffer.from(learnersCsv(ROWS), "utf8"));
  console.log(`Import benchmark: ${ROWS.toLocaleString("en")} rows, ${(file.byteLength / 1024 / 1024).toFixed(1)} MB CSV`);
  await forEachDatabase("kt_bench", (db, label) => bench(label, db, file));
}

await main();
