// A minimal SQL connection over either driver, for code that runs below
// Prisma: the migration runner, test database setup, tools.
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { DatabaseTarget } from "./target";

export interface SqlConnection {
  /** Parameterised query returning rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** A multi-statement script sent as one simple query (no parameters). */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}

export function pgliteConnection(db: PGlite, ownsDb = false): SqlConnection {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      return (await db.query(sql, params)).rows as T[];
    },
    async exec(script: string) {
      await db.exec(script);
    },
    async close() {
      if (ownsDb) await db.close();
    },
  };
}

export function pgConnection(client: pg.Client): SqlConnection {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      return (await client.query(sql, params as unknown[])).rows as T[];
    },
    async exec(script: string) {
      // Without parameters, pg uses the simple query protocol: the whole
      // script runs as one implicit transaction unless it manages its own.
      await client.query(script);
    },
    async close() {
      await client.end();
    },
  };
}

export async function openSqlConnection(target: DatabaseTarget): Promise<SqlConnection> {
  if (target.kind === "pglite") {
    return pgliteConnection(await PGlite.create(target.dataDir), true);
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  return pgConnection(client);
}

/** An error's message with its SQLSTATE when the driver gives one: what the migration runners log and rethrow. */
export function sqlErrorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as { code?: unknown }).code;
  return typeof code === "string" ? `${err.message} (SQLSTATE ${code})` : err.message;
}
