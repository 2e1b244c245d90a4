// A fresh, fully migrated database that disappears afterwards: in-memory
// PGlite, or a new database on a PostgreSQL server that is dropped on close.
// Used by the integration tests and the benchmarks (no test runner needed).
// Migrated by applyMigrations, or copied from an already migrated template
// (`from`, see migrated-template.ts: what the integration tests do).
import { PGlite } from "@electric-sql/pglite";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, openPglite, type Db } from "../db";
import { applyMigrations } from "../db/migrate";
import { openSqlConnection, pgliteConnection, type SqlConnection } from "../db/sql";
import { openPgliteSnapshot } from "./migrated-template";

export interface ThrowawayDatabase {
  kind: "pglite" | "postgres";
  /** The server database's URL and name (PostgreSQL only): for child processes and pg_stat_activity. */
  url?: string;
  name?: string;
  prisma: Db;
  /** Raw SQL on the same database (do not use inside an open Prisma transaction). */
  sql: SqlConnection;
  /** The embedded instance (PGlite only), for tools that need the driver (bulk COPY). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** Already migrated copies to start from instead of migrating (migrated-template.ts). */
export interface MigratedTemplates {
  /** Tarball of a migrated PGlite data directory. */
  pgliteSnapshot?: string;
  /** A migrated PostgreSQL database nobody is connected to. */
  postgresTemplate?: string;
}

export async function createThrowawayDatabase(
  kind: ThrowawayDatabase["kind"],
  prefix = "kt_test",
  from: MigratedTemplates = {},
): Promise<ThrowawayDatabase> {
  if (kind === "pglite") {
    const pglite = from.pgliteSnapshot ? await openPgliteSnapshot(from.pgliteSnapshot) : await PGlite.create();
    const sql = pgliteConnection(pglite);
    if (!from.pgliteSnapshot) await applyMigrations(sql, { log: () => {} });
    const handle = openPglite(pglite);
    return { kind, prisma: handle.prisma, sql, pglite, close: handle.close };
  }
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${from.postgresTemplate ? ` TEMPLATE ${from.postgresTemplate}` : ""}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const target = { kind: "postgres" as const, url: url.toString() };
  const sql = await openSqlConnection(target);
  if (!from.postgresTemplate) await applyMigrations(sql, { log: () => {} });
  const handle = await openDatabase(target);
  return {
    kind,
    url: target.url,
    name,
    prisma: handle.prisma,
    sql,
    async close() {
      await handle.close();
      await sql.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Runs `fn` on each database kind available; PostgreSQL is skipped with a note if unreachable. */
export async function forEachDatabase(prefix: string, fn: (db: ThrowawayDatabase, label: string) => Promise<void>) {
  for (const [kind, label] of [["postgres", "PostgreSQL"], ["pglite", "PGlite (in memory)"]] as const) {
    let db: ThrowawayDatabase;
    try {
      db = await createThrowawayDatabase(kind, prefix);
    } catch (error) {
      console.warn(`${label} skipped: ${(error as Error).message}`);
      continue;
    }
    try {
      await fn(db, label);
    } finally {
      await db.close();
    }
  }
}
