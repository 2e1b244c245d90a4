// Part of `npm run db:check`: do the definition files (src/server/db/definitions.ts)
// own every SQL function, trigger and view, each exactly once, and does no
// versioned migration change one of them behind its file's back?
//
// The database checked is the oldest one this repository must upgrade, built
// the way it came to be: the migrations up to LAST_MIGRATION_BEFORE_DEFINITIONS,
// then the definition files (those that cannot apply yet, because a later
// migration adds what they need, are left for the end, as the runner would
// leave them unrecorded), then the later migrations. Re-applying every file
// on top must not change the catalog: if it does, a later migration redefined
// or dropped an object that a file still defines, and databases that recorded
// the file before that migration keep the migration's version while new ones
// get the file's.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { definitionCatalog } from "../../src/server/db/catalog";
import { DEFINITION_FILES, LAST_MIGRATION_BEFORE_DEFINITIONS } from "../../src/server/db/definitions";
import { applyMigrations } from "../../src/server/db/migrate";
import { readDefinitionFiles, type DefinitionFile } from "../../src/server/db/repeatable";
import { pgliteConnection, type SqlConnection } from "../../src/server/db/sql";

export interface DefinitionDriftOptions {
  migrationsDir?: string;
  /** What the definition paths are relative to (default: the working directory). */
  root?: string;
  files?: readonly string[];
  lastMigrationBefore?: string;
}

const quiet = { log: () => undefined };

async function inTransaction<T>(conn: SqlConnection, fn: () => Promise<T>): Promise<T> {
  await conn.exec("BEGIN");
  try {
    const result = await fn();
    await conn.exec("COMMIT");
    return result;
  } catch (err) {
    await conn.exec("ROLLBACK").catch(() => undefined);
    throw err;
  }
}

/** A copy of the migrations up to `last` (inclusive); the runner reads directories, not links. */
function migrationsUpTo(dir: string, last: string): string {
  const subset = fs.mkdtempSync(path.join(os.tmpdir(), "kt-migrations-before-"));
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name <= last) fs.cpSync(path.join(dir, entry.name), path.join(subset, entry.name), { recursive: true });
  }
  return subset;
}

/** The bare name a search must find in the file: the function's or trigger's or view's. */
function bareName(object: string): string {
  return object.replace(/^(function|trigger|view|materialized view) /, "").replace(/\(.*$/, "").replace(/ on .*$/, "");
}

/** Problems found, each a sentence naming the object and what to do; empty when all is well. */
export async function findDefinitionDrift(opts: DefinitionDriftOptions = {}): Promise<string[]> {
  const migrationsDir = opts.migrationsDir ?? path.resolve("prisma/migrations");
  const last = opts.lastMigrationBefore ?? LAST_MIGRATION_BEFORE_DEFINITIONS;
  const files = readDefinitionFiles(opts.root ?? path.resolve("."), opts.files ?? DEFINITION_FILES);
  const problems: string[] = [];
  const db = await PGlite.create("memory://");
  const conn = pgliteConnection(db);
  const subset = migrationsUpTo(migrationsDir, last);
  try {
    await applyMigrations(conn, { migrationsDir: subset, definitions: [], ...quiet });
    const later: DefinitionFile[] = [];
    for (const file of files) {
      await inTransaction(conn, () => conn.exec(file.script)).catch(() => later.push(file));
    }
    await applyMigrations(conn, { migrationsDir, definitions: [], ...quiet });
    for (const file of later) {
      await inTransaction(conn, () => conn.exec(file.script)).catch((err: unknown) =>
        problems.push(`${file.name} fails on a fully migrated database: ${err instanceof Error ? err.message : String(err)}`),
      );
    }
    if (problems.length > 0) return problems;

    const before = await definitionCatalog(conn);
    const owners = new Map<string, string[]>();
    for (const file of files) {
      const defined = await inTransaction(conn, async () => {
        await conn.exec(file.script);
        return definitionCatalog(conn, { touchedOnly: true });
      });
      for (const object of defined.keys()) {
        owners.set(object, [...(owners.get(object) ?? []), file.name]);
        if (!file.script.includes(bareName(object))) {
          problems.push(`${object} is created by ${file.name}, but its name is not written there (a loop or format()?): ` +
            `write the statement out, so that a search for the name finds its file.`);
        }
      }
    }
    const after = await definitionCatalog(conn);

    for (const object of new Set([...before.keys(), ...after.keys()])) {
      const by = owners.get(object) ?? [];
      if (by.length === 0) {
        problems.push(`${object} is defined in no definition file: move its definition (CREATE OR REPLACE …) into the ` +
          `file of its derived table or area, listed in src/server/db/definitions.ts.`);
      } else if (by.length > 1) {
        problems.push(`${object} is defined in ${by.length} files (${by.join(", ")}): keep it in one.`);
      }
      if (before.get(object) !== after.get(object)) {
        const what = !before.has(object) ? "dropped" : !after.has(object) ? "left behind" : "redefined";
        problems.push(`re-applying ${by.join(", ") || "the definition files"} changes ${object}: a migration after ${last} ` +
          `${what} it behind its file's back, so databases migrated before that migration would differ. Make the change ` +
          `in the definition file instead (to remove an object: drop it in a migration and delete it from its file).`);
      }
    }
    return problems;
  } finally {
    await db.close();
    fs.rmSync(subset, { recursive: true, force: true });
  }
}
