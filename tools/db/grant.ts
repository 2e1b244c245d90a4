// `npm run db:grant -- [--role kontingent_app] [--create [--login]]`: gives the
// application role exactly the privileges the server needs on the database
// (src/server/db/app-role.ts), connecting as DATABASE_OWNER_URL (or
// DATABASE_URL). Idempotent; run it after migrations (`npm run db:migrate`
// does it by itself when DATABASE_URL's user differs from the owner's) and
// after a restore (pg_restore runs with --no-privileges).
//   --role     the role; default: DATABASE_URL's user if it is not the owner, else kontingent_app
//   --create   create the role if missing: NOLOGIN, or with --login LOGIN and the
//              password in DATABASE_APP_PASSWORD (no password: trust/peer authentication)
import { parseArgs } from "node:util";
import { appRoleFromUrls, DEFAULT_APP_ROLE, ensureAppRole, grantAppRole } from "../../src/server/db/app-role";
import { openSqlConnection } from "../../src/server/db/sql";
import { describeTarget, resolveOwnerTarget } from "../../src/server/db/target";

const { values } = parseArgs({
  options: { role: { type: "string" }, create: { type: "boolean" }, login: { type: "boolean" } },
  strict: true,
});

async function main() {
  const target = resolveOwnerTarget();
  if (target.kind !== "postgres") throw new Error("db:grant needs PostgreSQL: the embedded database (PGlite) has a single user");
  const role = values.role ?? appRoleFromUrls(process.env.DATABASE_URL, process.env.DATABASE_OWNER_URL) ?? DEFAULT_APP_ROLE;
  const conn = await openSqlConnection(target);
  try {
    if (values.create) {
      const password = values.login ? (process.env.DATABASE_APP_PASSWORD ?? null) : undefined;
      const created = await ensureAppRole(conn, role, { password });
      console.log(created ? `Role ${role} created (${values.login ? "LOGIN" : "NOLOGIN"})` : `Role ${role} exists`);
    }
    const grants = await grantAppRole(conn, role);
    console.log(
      `${describeTarget(target)}: ${role} may read and write ${grants.readWrite.length} tables and only read and append to ` +
        `${grants.appendOnly.length} (${grants.appendOnly.join(", ")}); it owns nothing`,
    );
  } finally {
    await conn.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
