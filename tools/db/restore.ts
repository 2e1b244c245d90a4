// `npm run db:restore -- --in <file> --target <postgresql://… empty database>`:
// pg_restore, then verification against the backup's manifest (row counts of
// every table, audit chain intact with the same head hash). Exit 1 on any
// difference. PostgreSQL only.
import { requirePostgresUrl, restoreDatabase } from "../../src/server/db/backup";
import { fail, main, option, printCheck } from "./backup-cli";

await main(async () => {
  const usage = "npm run db:restore -- --in <file> --target <postgresql://… of an empty database>";
  const file = option("in", usage);
  const target = requirePostgresUrl(option("target", usage), "db:restore");
  const check = await restoreDatabase(file, target);
  printCheck(check);
  if (!check.ok) fail("Restore verification FAILED: do not use this database.");
  console.log(`Restored ${file} and verified: every table's row count matches the backup.`);
});
