// The migration runner and the committed migrations, on both databases we
// ship for: embedded PGlite (PostgreSQL 17, in memory here) and a PostgreSQL
// server (15 on our machines), in throw-away databases created and dropped
// here. TEST_DATABASE=pglite|postgres (set by the vitest projects) picks one;
// unset, both run. The server is TEST_POSTGRES_URL (default
// postgresql://postgres@127.0.0.1:5432/postgres); unreachable → its tests are
// skipped, unless REQUIRE_POSTGRES=1.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEFINITION_FILES } from "./definitions";
import { applyMigrations } from "./migrate";
import { pgConnection, pgliteConnection, type SqlConnection } from "./sql";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const MIGRATIONS_DIR = fileURLToPath(new URL("../../../prisma/migrations", import.meta.url));
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const quiet = { log: () => undefined };

interface Backend {
  name: string;
  /** A new, empty database. */
  fresh(): Promise<SqlConnection>;
  /** A second connection to the database `fresh` returned last (server only). */
  second?(): Promise<SqlConnection>;
  cleanup(): Promise<void>;
}

function pgliteBackend(): Backend {
  const open: PGlite[] = [];
  return {
    name: "PGlite (in memory)",
    async fresh() {
      const db = await PGlite.create("memory://");
      open.push(db);
      return pgliteConnection(db);
    },
    async cleanup() {
      await Promise.all(open.map((db) => db.close()));
    },
  };
}

async function serverReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function postgresBackend(): Backend {
  const databases: string[] = [];
  const clients: pg.Client[] = [];
  const connect = async (database: string) => {
    const url = new URL(ADMIN_URL);
    url.pathname = `/${database}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    clients.push(client);
    return pgConnection(client);
  };
  const admin = async <T>(fn: (c: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: ADMIN_URL });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  return {
    name: "PostgreSQL server",
    async fresh() {
      const name = `kt_migrate_${randomBytes(6).toString("hex")}`;
      await admin((c) => c.query(`CREATE DATABASE "${name}"`));
      databases.push(name);
      return connect(name);
    },
    async second() {
      return connect(databases.at(-1)!);
    },
    async cleanup() {
      await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
      await admin(async (c) => {
        for (const name of databases) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      });
    },
  };
}

/** A migrations directory of our own, for failure cases (run with `definitions: []`: the real ones need the real schema). */
function tempMigrations(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kt-migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

async function tableExists(conn: SqlConnection, table: string): Promise<boolean> {
  const rows = await conn.query<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [`"${table}"`]);
  return rows[0]?.t != null;
}

async function advisoryLocksHeld(conn: SqlConnection): Promise<number> {
  const rows = await conn.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()`,
  );
  return rows[0]!.n;
}

const committedMigrations = fs
  .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

const wanted = process.env.TEST_DATABASE;
const backends: Backend[] = [];
if (wanted !== "postgres") backends.push(pgliteBackend());
if (wanted !== "pglite") {
  if (await serverReachable()) backends.push(postgresBackend());
  else if (process.env.REQUIRE_POSTGRES === "1") throw new Error(`PostgreSQL at ${ADMIN_URL} is required`);
  else console.warn(`PostgreSQL not reachable at ${ADMIN_URL}: server tests skipped`);
}

afterAll(async () => {
  await Promise.all(backends.map((b) => b.cleanup()));
});

// Keeps the file from failing as "no tests" when the only wanted backend is absent.
describe.skipIf(backends.length > 0)("applyMigrations (no database available)", () => {
  it.skip("needs PGlite or a reachable PostgreSQL server", () => undefined);
});

describe.each(backends)("applyMigrations on $name", (backend) => {
  it("applies the committed migrations once, and nothing the second time", async () => {
    expect(committedMigrations.length).toBeGreaterThanOrEqual(2);
    const conn = await backend.fresh();
    const first = await applyMigrations(conn, { migrationsDir: MIGRATIONS_DIR, ...quiet });
    expect(first.applied).toEqual(committedMigrations);
    expect(first.definitions).toEqual(DEFINITION_FILES);
    const second = await applyMigrations(conn, { migrationsDir: MIGRATIONS_DIR, ...quiet });
    expect(second.applied).toEqual([]);
    expect(second.definitions).toEqual([]);

    for (const table of ["Region", "Municipality", "Organisation", "User", "AuditEvent"]) {
      expect(await tableExists(conn, table), table).toBe(true);
    }
    const rows = await conn.query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
      `SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL AND logs IS NULL ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(committedMigrations);
    for (const r of rows) {
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(r.applied_steps_count).toBe(1);
    }
    expect(await advisoryLocksHeld(conn)).toBe(0);
  });

  it("rolls a failing migration back completely, records it, and refuses to continue", async () => {
    const dir = tempMigrations({
      "20000101000000_ok": `CREATE TABLE "a" (id int); INSERT INTO "a" VALUES (1);`,
      "20000102000000_broken": `CREATE TABLE "b" (id int);\nINSERT INTO "a" VALUES (2);\nSELECT * FROM "no_such_table";`,
      "20000103000000_later": `CREATE TABLE "c" (id int);`,
    });
    const conn = await backend.fresh();
    await expect(applyMigrations(conn, { migrationsDir: dir, definitions: [], ...quiet })).rejects.toThrow(
      /20000102000000_broken failed.*no_such_table/s,
    );

    // Nothing of the broken file, nothing after it, everything before it.
    expect(await tableExists(conn, "a")).toBe(true);
    expect(await tableExists(conn, "b")).toBe(false);
    expect(await tableExists(conn, "c")).toBe(false);
    expect(await conn.query(`SELECT id FROM "a"`)).toEqual([{ id: 1 }]);
    expect(await advisoryLocksHeld(conn)).toBe(0);

    const [failed, ...more] = await conn.query<{ finished_at: unknown; logs: string | null; rolled_back_at: unknown }>(
      `SELECT finished_at, logs, rolled_back_at FROM "_prisma_migrations" WHERE migration_name = '20000102000000_broken'`,
    );
    expect(more).toHaveLength(0);
    expect(failed).toMatchObject({ finished_at: null, rolled_back_at: null });
    expect(failed!.logs).toMatch(/no_such_table/);

    // A later run must not build on top of it, even with the file fixed.
    fs.writeFileSync(path.join(dir, "20000102000000_broken", "migration.sql"), `CREATE TABLE "b" (id int);`);
    await expect(applyMigrations(conn, { migrationsDir: dir, definitions: [], ...quiet })).rejects.toThrow(
      /Refusing to migrate.*20000102000000_broken.*rolled_back_at/s,
    );
    expect(await tableExists(conn, "b")).toBe(false);

    // The resolution the error message gives works.
    await conn.query(
      `UPDATE "_prisma_migrations" SET rolled_back_at = now()
       WHERE migration_name = '20000102000000_broken' AND finished_at IS NULL AND rolled_back_at IS NULL`,
    );
    const retry = await applyMigrations(conn, { migrationsDir: dir, definitions: [], ...quiet });
    expect(retry.applied).toEqual(["20000102000000_broken", "20000103000000_later"]);
    expect(await tableExists(conn, "c")).toBe(true);
  });

  it("commits a migration's changes and its finished record together", async () => {
    // Contrived on purpose: the script succeeds but recording it fails (it
    // drops the bookkeeping table), so nothing of it may remain.
    const dir = tempMigrations({
      "20000101000000_sabotage": `CREATE TABLE "x" (id int); DROP TABLE "_prisma_migrations";`,
    });
    const conn = await backend.fresh();
    await expect(applyMigrations(conn, { migrationsDir: dir, definitions: [], ...quiet })).rejects.toThrow(/20000101000000_sabotage failed/);
    expect(await tableExists(conn, "x")).toBe(false);
    const rows = await conn.query<{ finished_at: unknown }>(`SELECT finished_at FROM "_prisma_migrations"`);
    expect(rows).toEqual([{ finished_at: null }]);
  });

  it("warns when an applied migration was edited, but not for changed line endings", async () => {
    const dir = tempMigrations({ "20000101000000_one": "CREATE TABLE \"a\" (id int);\nCREATE TABLE \"b\" (id int);\n" });
    const conn = await backend.fresh();
    await applyMigrations(conn, { migrationsDir: dir, definitions: [], ...quiet });
    const file = path.join(dir, "20000101000000_one", "migration.sql");
    const messages: string[] = [];
    const log = (msg: string) => messages.push(msg);

    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/\n/g, "\r\n"));
    expect((await applyMigrations(conn, { migrationsDir: dir, definitions: [], log })).applied).toEqual([]);
    expect(messages).toEqual([]);

    fs.writeFileSync(file, `CREATE TABLE "a" (id bigint);\n`);
    expect((await applyMigrations(conn, { migrationsDir: dir, definitions: [], log })).applied).toEqual([]);
    expect(messages.join("\n")).toMatch(/20000101000000_one was modified/);
  });

  describe("rules from the hand-written migration", () => {
    let conn: SqlConnection;
    let regionId: string;
    beforeAll(async () => {
      conn = await backend.fresh();
      await applyMigrations(conn, { migrationsDir: MIGRATIONS_DIR, ...quiet });
      const [region] = await conn.query<{ id: string }>(
        `INSERT INTO "Region" (id, code, name) VALUES (gen_random_uuid(), '42', 'Test region') RETURNING id`,
      );
      regionId = region!.id;
    });

    const hash = (c: string) => c.repeat(64);
    const insertAudit = (prevHash: string, h: string) =>
      conn.query(
        `INSERT INTO "AuditEvent" (action, outcome, "prevHash", hash) VALUES ('test', 'SUCCESS', $1, $2)`,
        [prevHash, h],
      );

    it("refuses UPDATE, DELETE and TRUNCATE on AuditEvent", async () => {
      await insertAudit(hash("0"), hash("a"));
      const refused = { message: expect.stringMatching(/AuditEvent is append-only/), code: "55000" };
      await expect(conn.query(`UPDATE "AuditEvent" SET action = 'changed'`)).rejects.toMatchObject(refused);
      await expect(conn.query(`DELETE FROM "AuditEvent"`)).rejects.toMatchObject(refused);
      await expect(conn.query(`TRUNCATE "AuditEvent"`)).rejects.toMatchObject(refused);
      const rows = await conn.query<{ action: string }>(`SELECT action FROM "AuditEvent"`);
      expect(rows).toEqual([{ action: "test" }]);
    });

    it("accepts only 64 lowercase hex characters as hashes", async () => {
      const checkViolation = { code: "23514" };
      await expect(insertAudit(hash("0"), hash("B"))).rejects.toMatchObject(checkViolation);
      await expect(insertAudit(hash("0"), "b".repeat(63))).rejects.toMatchObject(checkViolation);
      await expect(insertAudit(hash("g"), hash("b"))).rejects.toMatchObject(checkViolation);
      await insertAudit(hash("a"), hash("b"));
    });

    it("ties a user's scope kind to its scope columns", async () => {
      let n = 0;
      const insertUser = (scopeKind: string, municipalityId: string | null, organisationId: string | null) =>
        conn.query(
          `INSERT INTO "User" (id, login, "passwordHash", "fullName", role, "scopeKind", "regionId",
                               "municipalityId", "organisationId", "updatedAt")
           VALUES (gen_random_uuid(), $1, 'x', 'Test User', 'SYSTEM_ADMIN', $2::"ScopeKind", $3, $4, $5, now())`,
          [`user${++n}`, scopeKind, regionId, municipalityId, organisationId],
        );
      const [mun] = await conn.query<{ id: string }>(
        `INSERT INTO "Municipality" (id, "regionId", name, oktmo) VALUES (gen_random_uuid(), $1, 'Town', '12345678901') RETURNING id`,
        [regionId],
      );
      const [org] = await conn.query<{ id: string }>(
        `INSERT INTO "Organisation" (id, "municipalityId", type, "fullName", "shortName", inn, ogrn, kpp, founder, "updatedAt")
         VALUES (gen_random_uuid(), $1, 'GENERAL_SCHOOL', 'School 1', 'S1', '1234567890', '1234567890123', '123456789', 'Town', now())
         RETURNING id`,
        [mun!.id],
      );
      const scopeViolation = { code: "23514", message: expect.stringMatching(/User_scope_check/) };

      await expect(insertUser("ORGANISATION", null, null)).rejects.toMatchObject(scopeViolation);
      await expect(insertUser("ORGANISATION", mun!.id, null)).rejects.toMatchObject(scopeViolation);
      await expect(insertUser("MUNICIPALITY", null, null)).rejects.toMatchObject(scopeViolation);
      await expect(insertUser("MUNICIPALITY", mun!.id, org!.id)).rejects.toMatchObject(scopeViolation);
      await expect(insertUser("REGION", mun!.id, null)).rejects.toMatchObject(scopeViolation);
      await expect(insertUser("REGION", null, org!.id)).rejects.toMatchObject(scopeViolation);

      await insertUser("ORGANISATION", mun!.id, org!.id);
      await insertUser("MUNICIPALITY", mun!.id, null);
      await insertUser("REGION", null, null);
    });
  });

  it.runIf(backend.second !== undefined)("serialises concurrent runs with the advisory lock", async () => {
    const a = await backend.fresh();
    const b = await backend.second!();
    const results = await Promise.all([
      applyMigrations(a, { migrationsDir: MIGRATIONS_DIR, ...quiet }),
      applyMigrations(b, { migrationsDir: MIGRATIONS_DIR, ...quiet }),
    ]);
    const applied = results.map((r) => r.applied).sort((x, y) => y.length - x.length);
    expect(applied).toEqual([committedMigrations, []]);
  });
});
