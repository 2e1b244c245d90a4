// The definition files as repeatable migrations (repeatable.ts, run by
// applyMigrations): applied in the manifest's order when new or changed, each
// with its bookkeeping row in one transaction, and an existing database gets
// them once without any change to its catalog. On PGlite or a throw-away
// PostgreSQL database (TEST_DATABASE, as in migrate.integration.test.ts).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { catalogText, definitionCatalog } from "./catalog";
import { DEFINITION_FILES } from "./definitions";
import { applyMigrations } from "./migrate";
import { definitionChecksum } from "./repeatable";
import { pgConnection, pgliteConnection, type SqlConnection } from "./sql";

vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const kind = process.env.TEST_DATABASE === "postgres" ? "postgres" : "pglite";
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A new, empty database of the project's kind. */
async function freshDatabase(): Promise<SqlConnection> {
  if (kind === "pglite") {
    const db = await PGlite.create("memory://");
    cleanups.push(() => db.close());
    return pgliteConnection(db);
  }
  const name = `kt_repeatable_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  cleanups.push(async () => {
    await client.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });
  return pgConnection(client);
}

/** A repository of our own: one migration creating table "t", and the given definition files. */
function fixture(files: Record<string, string>) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "kt-definitions-"));
  fs.mkdirSync(path.join(root, "migrations/20000101000000_t"), { recursive: true });
  fs.writeFileSync(path.join(root, "migrations/20000101000000_t/migration.sql"), `CREATE TABLE "t" (id int);`);
  const write = (name: string, sql: string) => {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), sql);
  };
  for (const [name, sql] of Object.entries(files)) write(name, sql);
  cleanups.push(async () => fs.rmSync(root, { recursive: true, force: true }));
  return { root, migrationsDir: path.join(root, "migrations"), write };
}

const fn = (name: string, body: string) =>
  `CREATE OR REPLACE FUNCTION "${name}"() RETURNS integer LANGUAGE sql AS $$ ${body} $$;\n`;

async function recorded(conn: SqlConnection) {
  return conn.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM "_kontingent_definitions" ORDER BY name`);
}

async function functionSource(conn: SqlConnection, name: string): Promise<string | null> {
  const rows = await conn.query<{ src: string }>(`SELECT prosrc AS src FROM pg_proc WHERE proname = $1`, [name]);
  return rows[0]?.src ?? null;
}

describe(`definition files on ${kind}`, () => {
  it("applies new files in the manifest's order, nothing when unchanged, and a changed file again", async () => {
    // A LANGUAGE sql function is checked when created: a.sql needs b.sql first.
    const repo = fixture({
      "defs/b.sql": fn("two", "SELECT 2"),
      "defs/a.sql": fn("four", `SELECT "two"() * 2`),
    });
    const conn = await freshDatabase();
    const run = async (definitions: string[]) => {
      const messages: string[] = [];
      const result = await applyMigrations(conn, {
        migrationsDir: repo.migrationsDir, definitionsRoot: repo.root, definitions, log: (m) => messages.push(m),
      });
      return { ...result, messages };
    };

    const wrongOrder = await freshDatabase();
    await expect(applyMigrations(wrongOrder, {
      migrationsDir: repo.migrationsDir, definitionsRoot: repo.root, definitions: ["defs/a.sql", "defs/b.sql"], log: () => undefined,
    })).rejects.toThrow(/Definition defs\/a\.sql failed.*two\(\) does not exist/s);

    const first = await run(["defs/b.sql", "defs/a.sql"]);
    expect(first.definitions).toEqual(["defs/b.sql", "defs/a.sql"]);
    expect(first.messages.filter((m) => m.startsWith("applied definition"))).toEqual([
      "applied definition defs/b.sql",
      "applied definition defs/a.sql",
    ]);
    expect(await conn.query(`SELECT "four"() AS n`)).toEqual([{ n: 4 }]);
    const rows = await recorded(conn);
    expect(rows.map((r) => r.name)).toEqual(["defs/a.sql", "defs/b.sql"]);
    expect(rows.find((r) => r.name === "defs/b.sql")!.checksum).toBe(definitionChecksum(fn("two", "SELECT 2")));

    const second = await run(["defs/b.sql", "defs/a.sql"]);
    expect(second).toMatchObject({ applied: [], definitions: [], messages: [] });

    // Converted line endings are the same file: not applied again.
    repo.write("defs/b.sql", fn("two", "SELECT 2").replace(/\n/g, "\r\n"));
    expect((await run(["defs/b.sql", "defs/a.sql"])).definitions).toEqual([]);

    repo.write("defs/b.sql", fn("two", "SELECT 3"));
    const third = await run(["defs/b.sql", "defs/a.sql"]);
    expect(third.definitions).toEqual(["defs/b.sql"]);
    expect(await functionSource(conn, "two")).toBe(" SELECT 3 ");
    expect(await conn.query(`SELECT "four"() AS n`)).toEqual([{ n: 6 }]);
    expect((await recorded(conn)).find((r) => r.name === "defs/b.sql")!.checksum).toBe(definitionChecksum(fn("two", "SELECT 3")));
  });

  it("rolls a failing file back with its row, stops there, and tries it again on the next run", async () => {
    const repo = fixture({
      "defs/ok.sql": fn("ok", "SELECT 1"),
      "defs/bad.sql": `${fn("half", "SELECT 1")}SELECT * FROM "no_such_table";\n`,
      "defs/later.sql": fn("later", "SELECT 1"),
    });
    const manifest = ["defs/ok.sql", "defs/bad.sql", "defs/later.sql"];
    const conn = await freshDatabase();
    const opts = { migrationsDir: repo.migrationsDir, definitionsRoot: repo.root, definitions: manifest, log: () => undefined };
    await expect(applyMigrations(conn, opts)).rejects.toThrow(/Definition defs\/bad\.sql failed and was rolled back.*no_such_table/s);

    expect((await recorded(conn)).map((r) => r.name)).toEqual(["defs/ok.sql"]);
    expect(await functionSource(conn, "ok")).not.toBeNull();
    expect(await functionSource(conn, "half")).toBeNull();
    expect(await functionSource(conn, "later")).toBeNull();
    const locks = await conn.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()`,
    );
    expect(locks).toEqual([{ n: 0 }]);

    repo.write("defs/bad.sql", fn("half", "SELECT 1"));
    const retry = await applyMigrations(conn, opts);
    expect(retry).toEqual({ applied: [], definitions: ["defs/bad.sql", "defs/later.sql"] });
  });

  it("refuses a manifest naming a missing file before applying anything", async () => {
    const repo = fixture({});
    const conn = await freshDatabase();
    await expect(applyMigrations(conn, {
      migrationsDir: repo.migrationsDir, definitionsRoot: repo.root, definitions: ["defs/gone.sql"], log: () => undefined,
    })).rejects.toThrow(/defs\/gone\.sql is listed .* but missing/);
    const tables = await conn.query(`SELECT 1 FROM pg_tables WHERE tablename = 't'`);
    expect(tables).toEqual([]);
  });

  it("gives a database migrated before the definition files each file once, and ends with the catalog of a new database", async () => {
    const conn = await freshDatabase();
    const old = await applyMigrations(conn, { definitions: [], log: () => undefined });
    expect(old.definitions).toEqual([]);
    expect(catalogText(await definitionCatalog(conn))).toContain("learner_summary_flush");

    const upgrade = await applyMigrations(conn, { log: () => undefined });
    expect(upgrade).toEqual({ applied: [], definitions: DEFINITION_FILES });
    // Files edited since they took over (a changed function) reach the old database too.
    const fresh = await freshDatabase();
    await applyMigrations(fresh, { log: () => undefined });
    expect(catalogText(await definitionCatalog(conn))).toBe(catalogText(await definitionCatalog(fresh)));
    expect(await applyMigrations(conn, { log: () => undefined })).toEqual({ applied: [], definitions: [] });
  });
});
