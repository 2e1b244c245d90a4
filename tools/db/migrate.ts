// `npm run db:migrate`: applies pending migrations from prisma/migrations, then
// the new or changed definition files (src/server/db/definitions.ts), to
// the database DATABASE_URL names (default: the embedded PGlite in .data/pglite),
// connecting as DATABASE_OWNER_URL when that is set. Then, when DATABASE_URL
// names another (application) user, re-grants that role, so tables a migration
// added are covered (src/server/db/app-role.ts).
// Works without Prisma's native engine; see src/server/db/migrate.ts.
import fs from "node:fs";
import { grantConfiguredAppRole } from "../../src/server/db/app-role";
import { applyMigrations } from "../../src/server/db/migrate";
import { openSqlConnection } from "../../src/server/db/sql";
import { describeTarget, resolveOwnerTarget } from "../../src/server/db/target";

async function main() {
  const target = resolveOwnerTarget();
  const where = describeTarget(target);
  // PGlite creates the data directory itself, but not its missing parents.
  if (target.kind === "pglite" && !target.dataDir.startsWith("memory://")) {
    fs.mkdirSync(target.dataDir, { recursive: true });
  }
  const conn = await openSqlConnection(target);
  try {
    const { applied, definitions } = await applyMigrations(conn, { log: (msg) => console.log(msg) });
    console.log(
      applied.length === 0
        ? `${where}: already up to date, no migrations applied`
        : `${where}: applied ${applied.length} migration(s): ${applied.join(", ")}`,
    );
    console.log(
      definitions.length === 0
        ? `${where}: definition files unchanged, none applied`
        : `${where}: applied ${definitions.length} definition file(s): ${definitions.join(", ")}`,
    );
    const role = await grantConfiguredAppRole(conn);
    if (role) console.log(`${where}: privileges of the application role ${role} granted`);
  } finally {
    await conn.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
