// `npm run db:backup -- --out <file>`: pg_dump (custom format) of DATABASE_URL
// (as DATABASE_OWNER_URL when set: the application role may not read everything)
// plus <file>.manifest.json (row counts of every table, audit chain head),
// taken from the same snapshot. PostgreSQL only.
import { backupDatabase, requirePostgresUrl } from "../../src/server/db/backup";
import { main, option } from "./backup-cli";

await main(async () => {
  const out = option("out", "npm run db:backup -- --out <file>");
  const url = requirePostgresUrl(process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL, "db:backup");
  const manifest = await backupDatabase(url, out);
  const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
  console.log(`Backup of ${manifest.source} written to ${out}: ${Object.keys(manifest.tables).length} tables, ${rows} rows, audit head ${manifest.audit.lastId ?? "none"}`);
  console.log(`Manifest: ${out}.manifest.json (SHA-256 of the dump ${manifest.dumpSha256})`);
});
