// Repeatable migrations: the SQL functions, triggers and views, each defined
// in one file listed in src/server/db/definitions.ts, applied after the
// versioned migrations whenever a file's checksum differs from the one
// recorded (Flyway's `R__` files are the model). The bookkeeping is our own
// table, not `_prisma_migrations`, so Prisma's native engine still recognises
// every row of its table as one of its migrations.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sqlErrorText, type SqlConnection } from "./sql";

export const DEFINITIONS_TABLE = "_kontingent_definitions";

const CREATE_DEFINITIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "${DEFINITIONS_TABLE}" (
    "name"       TEXT PRIMARY KEY,
    "checksum"   VARCHAR(64) NOT NULL,
    "applied_at" TIMESTAMPTZ NOT NULL DEFAULT now()
)`;

export interface DefinitionFile {
  /** The path as the manifest lists it (repo-relative): the bookkeeping key. */
  name: string;
  script: string;
}

/**
 * The files in manifest order. Line endings are normalised: a checkout that
 * converted them (git on Windows) neither re-applies a file nor stores
 * function bodies that differ from everyone else's.
 */
export function readDefinitionFiles(root: string, names: readonly string[]): DefinitionFile[] {
  const seen = new Set<string>();
  return names.map((name) => {
    if (seen.has(name)) throw new Error(`Definition file ${name} is listed twice in src/server/db/definitions.ts`);
    seen.add(name);
    const file = path.resolve(root, name);
    if (!fs.existsSync(file)) throw new Error(`Definition file ${name} is listed in src/server/db/definitions.ts but missing (${file})`);
    return { name, script: fs.readFileSync(file, "utf8").replace(/\r\n/g, "\n") };
  });
}

export function definitionChecksum(script: string): string {
  return createHash("sha256").update(script, "utf8").digest("hex");
}

/**
 * Applies the new and changed files in the given order, each with its
 * bookkeeping row in one transaction; stops at the first failure (which
 * leaves neither). Call it under the migrations' advisory lock. Returns the
 * names applied.
 */
export async function applyDefinitions(
  conn: SqlConnection,
  files: readonly DefinitionFile[],
  log: (msg: string) => void,
): Promise<string[]> {
  await conn.exec(CREATE_DEFINITIONS_TABLE);
  const rows = await conn.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM "${DEFINITIONS_TABLE}"`);
  const recorded = new Map(rows.map((r) => [r.name, r.checksum]));
  const listed = new Set(files.map((f) => f.name));
  for (const name of recorded.keys()) {
    // Not an error: the file may have been renamed. Its objects stay until a
    // versioned migration drops them.
    if (!listed.has(name)) log(`warning: definition ${name} is recorded in the database but no longer listed`);
  }

  const applied: string[] = [];
  for (const { name, script } of files) {
    const checksum = definitionChecksum(script);
    if (recorded.get(name) === checksum) continue;
    try {
      await conn.exec("BEGIN");
      await conn.exec(script);
      await conn.query(
        `INSERT INTO "${DEFINITIONS_TABLE}" (name, checksum, applied_at) VALUES ($1, $2, now())
         ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, applied_at = EXCLUDED.applied_at`,
        [name, checksum],
      );
      await conn.exec("COMMIT");
    } catch (err) {
      // A failed ROLLBACK (lost connection) must not hide the real error.
      await conn.exec("ROLLBACK").catch(() => undefined);
      // Unlike a versioned migration nothing needs resolving by hand: the
      // file is still unrecorded, so the next run tries it again.
      throw new Error(`Definition ${name} failed and was rolled back: ${sqlErrorText(err)}`, { cause: err });
    }
    applied.push(name);
    log(`applied definition ${name}`);
  }
  return applied;
}
