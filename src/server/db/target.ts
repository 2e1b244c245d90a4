// Which database this process talks to. The one place that reads DATABASE_URL
// (and DATABASE_OWNER_URL), so the app, the migration runner, the seed and the
// tests agree.
import path from "node:path";
import { envValue } from "../env";

export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string };

/** Default embedded data directory, relative to the project root. */
export const DEFAULT_PGLITE_DIR = path.join(".data", "pglite");

/**
 * `postgresql://…` or `postgres://…` → a PostgreSQL server.
 * `pglite:memory` → an in-memory embedded database (tests).
 * `pglite:<dir>` or unset → the embedded database under that directory.
 */
export function resolveDatabaseTarget(url = envValue("DATABASE_URL")): DatabaseTarget {
  const value = url?.trim();
  if (!value) return { kind: "pglite", dataDir: path.resolve(/*turbopackIgnore: true*/ DEFAULT_PGLITE_DIR) };
  if (/^postgres(ql)?:\/\//.test(value)) return { kind: "postgres", url: value };
  if (value.startsWith("pglite:")) {
    const rest = value.slice("pglite:".length);
    if (rest === "memory") return { kind: "pglite", dataDir: "memory://" };
    return { kind: "pglite", dataDir: path.resolve(/*turbopackIgnore: true*/ rest || DEFAULT_PGLITE_DIR) };
  }
  throw new Error(
    `DATABASE_URL must start with postgresql://, postgres:// or pglite: (got "${value.split(":")[0]}:…")`,
  );
}

/** The two connection strings; configured ones by default, a caller's own in tests and `npm start`. */
export interface DatabaseUrls {
  DATABASE_URL?: string;
  DATABASE_OWNER_URL?: string;
  /** A whole environment may be passed (npm start builds one for the server it spawns). */
  [other: string]: string | undefined;
}

export function configuredDatabaseUrls(): DatabaseUrls {
  return { DATABASE_URL: envValue("DATABASE_URL"), DATABASE_OWNER_URL: envValue("DATABASE_OWNER_URL") };
}

/**
 * The database as its owner: what migrations, the seed, grants and backups use.
 * DATABASE_OWNER_URL when set (the server then connects with DATABASE_URL as
 * a role that owns nothing: docs/operations.md, "Using PostgreSQL"); otherwise the same
 * database as DATABASE_URL, as before.
 */
export function resolveOwnerTarget(env: DatabaseUrls = configuredDatabaseUrls()): DatabaseTarget {
  const owner = env.DATABASE_OWNER_URL?.trim();
  // "" rather than undefined: an explicit env must not fall back to the configured DATABASE_URL.
  const target = resolveDatabaseTarget(owner || env.DATABASE_URL || "");
  if (owner && target.kind !== "postgres") throw new Error("DATABASE_OWNER_URL must be a postgresql:// URL (the embedded database has a single user)");
  return target;
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return `embedded PGlite (${target.dataDir})`;
  const u = new URL(target.url);
  return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
}
