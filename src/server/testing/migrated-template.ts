// Migrate once per test run, copy per test file (docs/testing.md): the
// integration projects' global setups build a migrated template — a PGlite
// data directory dumped to a tarball, or a PostgreSQL template database — and
// each file's throw-away database starts as a copy of it (throwaway-db.ts)
// instead of applying every migration again. Tests of the migrations
// themselves (migrate, outage, app-role, the drift check) do not use it.
import { PGlite } from "@electric-sql/pglite";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { DEFINITION_FILES } from "../db/definitions";
import { applyMigrations } from "../db/migrate";
import { openSqlConnection, pgliteConnection } from "../db/sql";

const MIGRATIONS_DIR = path.resolve("prisma/migrations");

/**
 * Changes whenever a migration, a definition file or its place in the
 * manifest, the migration runner or the PGlite version (its data directory
 * format) does: the PGlite snapshot is rebuilt then.
 */
export function migrationsHash(): string {
  const hash = createHash("sha256");
  for (const name of fs.readdirSync(MIGRATIONS_DIR).sort()) {
    const file = path.join(MIGRATIONS_DIR, name, "migration.sql");
    hash.update(`${name}\0${fs.existsSync(file) ? fs.readFileSync(file) : ""}\0`);
  }
  // In manifest order: reordering the files changes the database too.
  for (const name of DEFINITION_FILES) {
    const file = path.resolve(name);
    hash.update(`${name}\0${fs.existsSync(file) ? fs.readFileSync(file) : ""}\0`);
  }
  for (const runner of ["migrate.ts", "repeatable.ts", "definitions.ts"]) {
    hash.update(fs.readFileSync(path.resolve("src/server/db", runner)));
  }
  hash.update(fs.readFileSync(path.resolve("node_modules/@electric-sql/pglite/package.json")));
  return hash.digest("hex").slice(0, 16);
}

/** The tarball of a migrated PGlite data directory (built if missing); returns its path. */
export async function ensurePgliteSnapshot(): Promise<string> {
  const file = path.join(os.tmpdir(), `kontingent-test-pglite-${migrationsHash()}.tar`);
  if (fs.existsSync(file)) return file;
  const pglite = await PGlite.create();
  try {
    await applyMigrations(pgliteConnection(pglite), { log: () => {} });
    const dump = await pglite.dumpDataDir("none");
    // Written aside and renamed: a concurrent run never reads half a file.
    const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, file);
  } finally {
    await pglite.close();
  }
  return file;
}

/** A PGlite instance holding a copy of the snapshot (in memory, like `PGlite.create()`). */
export async function openPgliteSnapshot(file: string): Promise<PGlite> {
  return PGlite.create({ loadDataDir: new Blob([fs.readFileSync(file)]) });
}

/**
 * A new PostgreSQL database with every migration applied, for `CREATE DATABASE … TEMPLATE`;
 * nothing stays connected to it. Returns its name and a function that drops it.
 */
export async function createPostgresTemplate(adminUrl: string): Promise<{ name: string; drop(): Promise<void> }> {
  const name = `kt_template_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const sql = await openSqlConnection({ kind: "postgres", url: url.toString() });
    try {
      await applyMigrations(sql, { log: () => {} });
    } finally {
      await sql.close();
    }
  } catch (error) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    throw error;
  } finally {
    await admin.end();
  }
  return {
    name,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
