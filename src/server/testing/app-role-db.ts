// A second connection to a throw-away PostgreSQL database, as the
// least-privilege application role (src/server/db/app-role.ts), next to the
// owner's connection the test database already has. Existing tests keep
// connecting as the owner; tests of what the server may and may not do use this.
import { openDatabase, type Db } from "../db";
import { ensureAppRole, grantAppRole } from "../db/app-role";
import { openSqlConnection, type SqlConnection } from "../db/sql";
import type { ThrowawayDatabase } from "./throwaway-db";

/** Roles are cluster-wide: one for every test database, granted per database (dropped with it). */
export const TEST_APP_ROLE = "kontingent_app_test";

export interface AppRoleConnection {
  role: string;
  url: string;
  prisma: Db;
  /** Raw SQL as the role (not inside an open Prisma transaction). */
  sql: SqlConnection;
  close(): Promise<void>;
}

export async function connectAsAppRole(db: ThrowawayDatabase, role = TEST_APP_ROLE): Promise<AppRoleConnection> {
  if (db.kind !== "postgres" || !db.url) throw new Error("The application role exists on PostgreSQL only: PGlite has a single user");
  const url = new URL(db.url);
  // The role logs in like the owner's URL does: without a password under trust authentication, else with the same one.
  await ensureAppRole(db.sql, role, { password: url.password ? decodeURIComponent(url.password) : null });
  await grantAppRole(db.sql, role);
  url.username = role;
  const target = { kind: "postgres" as const, url: url.toString() };
  const handle = await openDatabase(target);
  const sql = await openSqlConnection(target);
  return {
    role,
    url: target.url,
    prisma: handle.prisma,
    sql,
    async close() {
      await handle.close();
      await sql.close();
    },
  };
}
