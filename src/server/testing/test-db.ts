// A fresh, fully migrated database per test file: in-memory PGlite, or a
// throw-away PostgreSQL database that is dropped afterwards. No mocks.
import { PGlite } from "@electric-sql/pglite";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, inject } from "vitest";
import { seedDemoRegion } from "../../../prisma/seed/demo-region";
import { openDatabase, openPglite, type Db } from "../db";
import { applyMigrations } from "../db/migrate";
import { openSqlConnection, pgliteConnection, type SqlConnection } from "../db/sql";

export interface TestDatabase {
  kind: "pglite" | "postgres";
  prisma: Db;
  /** Raw SQL on the same database (do not use inside an open Prisma transaction). */
  sql: SqlConnection;
  close(): Promise<void>;
}

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export const testDatabaseKind = (process.env.TEST_DATABASE ?? "pglite") as TestDatabase["kind"];

/** `describe` that skips when its database is unavailable (PostgreSQL not reachable). */
export function describeDb(name: string, fn: () => void) {
  const available = testDatabaseKind === "pglite" || inject("postgresReachable");
  return (available ? describe : describe.skip)(`${name} [${testDatabaseKind}]`, fn);
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDatabaseKind === "pglite") {
    const pglite = await PGlite.create();
    const sql = pgliteConnection(pglite);
    await applyMigrations(sql, { log: () => {} });
    const handle = openPglite(pglite);
    return { kind: "pglite", prisma: handle.prisma, sql, close: handle.close };
  }
  const name = `kt_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const target = { kind: "postgres" as const, url: url.toString() };
  const sql = await openSqlConnection(target);
  await applyMigrations(sql, { log: () => {} });
  const handle = await openDatabase(target);
  return {
    kind: "postgres",
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

/** A migrated database holding the demo region. */
export async function createSeededTestDatabase() {
  const db = await createTestDatabase();
  const seeded = await seedDemoRegion(db.prisma);
  return { ...db, seeded };
}
