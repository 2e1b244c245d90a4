// Applies the committed migrations in prisma/migrations without Prisma's native
// schema engine (which cannot be downloaded on our machines). It keeps Prisma's
// bookkeeping exactly (the `_prisma_migrations` table, sha256 checksums, the
// same advisory lock), so `prisma migrate deploy|dev` can take such a database
// over wherever the native engine is available. After the versioned
// migrations, under the same lock, it applies the definition files (functions,
// triggers, views) that are new or changed: src/server/db/repeatable.ts.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DEFINITION_FILES } from "./definitions";
import { lockKey } from "./locks";
import { applyDefinitions, readDefinitionFiles } from "./repeatable";
import { sqlErrorText, type SqlConnection } from "./sql";

export interface ApplyMigrationsOptions {
  migrationsDir?: string;
  /** Definition files to apply after the migrations, in order; default: the manifest. `[]`: none. */
  definitions?: readonly string[];
  /** What the definition paths are relative to; default: the working directory (the repository). */
  definitionsRoot?: string;
  log?: (msg: string) => void;
}

// The key Prisma's own engine locks on PostgreSQL: using the same one means our
// runner and `prisma migrate deploy` never run against one database at once.
const ADVISORY_LOCK_KEY = lockKey("migrations");

// Prisma's DDL for the table, column for column, so the native engine accepts it.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  logs: string | null;
}

interface MigrationFile {
  name: string;
  script: string;
}

/** sha256 of the script as lowercase hex: what Prisma stores in `checksum`. */
export function migrationChecksum(script: string): string {
  return createHash("sha256").update(script, "utf8").digest("hex");
}

// Prisma also accepts the script with its line endings converted either way,
// because git may rewrite them on checkout (Windows); do the same, or every
// Windows clone would warn about edited migrations.
function checksumMatches(script: string, checksum: string): boolean {
  return [script, script.replace(/\r\n/g, "\n"), script.replace(/\r?\n/g, "\r\n")].some(
    (variant) => migrationChecksum(variant) === checksum,
  );
}

/** Migration directories in name order (= timestamp order), as Prisma sorts them. */
function readMigrations(dir: string): MigrationFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = path.join(dir, name, "migration.sql");
      // Prisma refuses a directory without its script too: silently skipping
      // it would apply later migrations on top of a missing one.
      if (!fs.existsSync(file)) throw new Error(`Migration ${name} has no migration.sql (${file})`);
      return { name, script: fs.readFileSync(file, "utf8") };
    });
}

export async function applyMigrations(
  conn: SqlConnection,
  opts: ApplyMigrationsOptions = {},
): Promise<{ applied: string[]; definitions: string[] }> {
  const migrationsDir = opts.migrationsDir ?? path.resolve("prisma/migrations");
  const log = opts.log ?? ((msg: string) => console.log(msg));
  const migrations = readMigrations(migrationsDir);
  // Read before anything is applied: a missing file stops the run up front.
  const definitionFiles = readDefinitionFiles(opts.definitionsRoot ?? path.resolve("."), opts.definitions ?? DEFINITION_FILES);
  const applied: string[] = [];

  // Session-level lock: held across the per-migration transactions below and
  // released explicitly, so concurrent deploys (two app instances) serialise.
  await conn.query(`SELECT pg_advisory_lock(${ADVISORY_LOCK_KEY})`);
  try {
    await conn.exec(CREATE_MIGRATIONS_TABLE);
    // Rows marked rolled back (`prisma migrate resolve --rolled-back`) are an
    // audit trail only; Prisma ignores them and so do we.
    const rows = await conn.query<MigrationRow>(
      `SELECT migration_name, checksum, finished_at, logs FROM "_prisma_migrations"
       WHERE rolled_back_at IS NULL ORDER BY started_at`,
    );

    const unfinished = rows.filter((r) => r.finished_at === null);
    if (unfinished.length > 0) {
      const list = unfinished
        .map((r) => `  - ${r.migration_name}: ${r.logs ?? "no log (interrupted while running?)"}`)
        .join("\n");
      throw new Error(
        `Refusing to migrate: ${unfinished.length} migration(s) failed or did not finish:\n${list}\n` +
          `Each migration runs in a transaction, so a failed one left no changes behind. ` +
          `Fix its migration.sql, then mark the attempt as rolled back and run the migration again:\n` +
          `  UPDATE "_prisma_migrations" SET rolled_back_at = now()\n` +
          `   WHERE migration_name = '<name>' AND finished_at IS NULL AND rolled_back_at IS NULL;\n` +
          `(with the native engine: npx prisma migrate resolve --rolled-back <name>)`,
      );
    }

    const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    const known = new Set(migrations.map((m) => m.name));
    for (const name of done.keys()) {
      if (!known.has(name)) log(`warning: migration ${name} is applied to the database but missing from ${migrationsDir}`);
    }

    for (const { name, script } of migrations) {
      const recorded = done.get(name);
      if (recorded !== undefined) {
        // Not fatal (the database already has it), but a changed file means
        // other databases built from it will differ from this one.
        if (!checksumMatches(script, recorded)) {
          log(`warning: migration ${name} was modified after it was applied (checksum differs)`);
        }
        continue;
      }

      // The row is inserted outside the transaction so that a failure (or a
      // crash) leaves a trace that blocks further runs until someone looks.
      const id = randomUUID();
      await conn.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), 0)`,
        [id, migrationChecksum(script), name],
      );
      try {
        // One script, one simple query, like Prisma (by itself already one
        // implicit transaction). The explicit transaction also covers the
        // bookkeeping: the script's changes and "finished" commit together.
        await conn.exec("BEGIN");
        await conn.exec(script);
        await conn.query(
          `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        await conn.exec("COMMIT");
      } catch (err) {
        // A failed ROLLBACK (lost connection) must not hide the real error.
        await conn.exec("ROLLBACK").catch(() => undefined);
        const message = sqlErrorText(err);
        // If even this fails, the row stays unfinished and still blocks the next run.
        await conn
          .query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, message])
          .catch(() => undefined);
        throw new Error(`Migration ${name} failed and was rolled back: ${message}`, { cause: err });
      }
      applied.push(name);
      log(`applied ${name}`);
    }
    const definitions = await applyDefinitions(conn, definitionFiles, log);
    return { applied, definitions };
  } finally {
    await conn.query(`SELECT pg_advisory_unlock(${ADVISORY_LOCK_KEY})`);
  }
}
