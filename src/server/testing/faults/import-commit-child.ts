// Child process for the "importer killed mid-batch" test: commits a generated
// import of IMPORT_ROWS learners as school.registrar into DATABASE_URL, and
// prints one marker line per milestone on stdout so the parent knows when the
// write transaction is open:
//   READY              database open, actor loaded
//   WRITING <done>     the commit transaction has written its first chunk
//   DONE <json>        the transaction committed (the parent was too slow)
// Run: DATABASE_URL=postgresql://… IMPORT_ROWS=20000 tsx src/server/testing/faults/import-commit-child.ts
import { signedInClaims } from "../sessions";
import { loadActor } from "../../auth/actor";
import { openDatabase } from "../../db";
import { resolveDatabaseTarget } from "../../db/target";
import { importLearners } from "../../services/learners/import/import-learners";
import { readRows } from "../../services/learners/import/read-file";
import { learnersCsv } from "../import-fixtures";

const rows = Number(process.env.IMPORT_ROWS ?? 20_000);

async function main() {
  const handle = await openDatabase(resolveDatabaseTarget());
  const actor = await loadActor(handle.prisma, await signedInClaims(handle.prisma, "school.registrar"));
  if (!actor) throw new Error("school.registrar cannot act");
  const sheet = await readRows(new Uint8Array(Buffer.from(learnersCsv(rows), "utf8")), "batch.csv");
  process.stdout.write("READY\n");
  let announced = false;
  const result = await importLearners(handle.prisma, actor, sheet, {
    commit: true,
    fileName: "batch.csv",
    ip: null,
    onProgress: ({ phase, done }) => {
      if (phase !== "write" || announced) return;
      announced = true;
      process.stdout.write(`WRITING ${done}\n`);
    },
  });
  process.stdout.write(`DONE ${JSON.stringify({ committed: result.committed, created: result.created, errors: result.errorCount })}\n`);
  await handle.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
