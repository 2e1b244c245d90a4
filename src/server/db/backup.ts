// Backup and restore of a PostgreSQL database with pg_dump / pg_restore, each
// checked: the backup writes a manifest (row count of every table and the
// audit chain's head) from the same snapshot pg_dump reads; a restore is
// accepted only when the restored database has the same counts and its audit
// chain verifies up to the same head hash.
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import { promisify } from "node:util";
import pg from "pg";
import { verifyAuditChain, type ChainVerification } from "../audit/verify";
import { openDatabase } from "../db";
import { resolveDatabaseTarget } from "./target";

const run = promisify(execFile);

export interface BackupManifest {
  format: "kontingent-backup/1";
  createdAt: string;
  /** Host and database name of the source, never credentials. */
  source: string;
  tables: Record<string, number>;
  audit: { rows: number; lastId: string | null; headHash: string | null };
}

export interface RestoreCheck {
  ok: boolean;
  /** Tables whose restored count differs: name → [manifest, restored]. */
  countMismatches: Record<string, [number | null, number | null]>;
  chain: ChainVerification;
  headHashMatches: boolean;
}

export const manifestPathOf = (dumpFile: string) => `${dumpFile}.manifest.json`;

export class BackupError extends Error {}

/** A server URL from DATABASE_URL or an argument; the embedded database has no pg_dump. */
export function requirePostgresUrl(url: string | undefined, what: string): string {
  const target = resolveDatabaseTarget(url);
  if (target.kind !== "postgres") {
    throw new BackupError(
      `${what} works with PostgreSQL only (got the embedded PGlite database). For the embedded database, stop the server ` +
        `and copy its data directory (e.g. \`tar czf kontingent-pglite.tgz .data/pglite\`); restore by unpacking it in place.`,
    );
  }
  return target.url;
}

function describeSource(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

async function countTables(client: pg.Client): Promise<Record<string, number>> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of rows) {
    const [{ n }] = (await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`)).rows as [{ n: string }];
    counts[name] = Number(n);
  }
  return counts;
}

async function auditHead(client: pg.Client) {
  const { rows } = await client.query<{ id: string; hash: string }>(`SELECT id::text, hash FROM "AuditEvent" ORDER BY id DESC LIMIT 1`);
  return { lastId: rows[0]?.id ?? null, headHash: rows[0]?.hash ?? null };
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  return client;
}

/** pg_dump (custom format) of `url` into `outFile`, and the manifest next to it. */
export async function backupDatabase(url: string, outFile: string): Promise<BackupManifest> {
  const client = await connect(url);
  try {
    // Counts and dump from one snapshot, so the manifest describes exactly the dump.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const [{ snapshot }] = (await client.query<{ snapshot: string }>("SELECT pg_export_snapshot() AS snapshot")).rows as [{ snapshot: string }];
    const tables = await countTables(client);
    const head = await auditHead(client);
    await run("pg_dump", ["--format=custom", `--snapshot=${snapshot}`, `--file=${outFile}`, `--dbname=${url}`], { maxBuffer: 16 * 1024 * 1024 });
    await client.query("COMMIT");
    const manifest: BackupManifest = {
      format: "kontingent-backup/1",
      createdAt: new Date().toISOString(),
      source: describeSource(url),
      tables,
      audit: { rows: tables.AuditEvent ?? 0, ...head },
    };
    await fs.writeFile(manifestPathOf(outFile), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    await client.end();
  }
}

export async function readManifest(dumpFile: string): Promise<BackupManifest> {
  const text = await fs.readFile(manifestPathOf(dumpFile), "utf8").catch(() => {
    throw new BackupError(`Manifest ${manifestPathOf(dumpFile)} not found: restore needs the manifest written by db:backup.`);
  });
  const manifest = JSON.parse(text) as BackupManifest;
  if (manifest.format !== "kontingent-backup/1") throw new BackupError(`Unknown manifest format in ${manifestPathOf(dumpFile)}`);
  return manifest;
}

/** Compares a restored database with the manifest: every table's count and the audit chain up to the same head. */
export async function checkRestored(url: string, manifest: BackupManifest): Promise<RestoreCheck> {
  const client = await connect(url);
  let restored: Record<string, number>;
  try {
    restored = await countTables(client);
  } finally {
    await client.end();
  }
  const countMismatches: RestoreCheck["countMismatches"] = {};
  for (const name of new Set([...Object.keys(manifest.tables), ...Object.keys(restored)])) {
    if (manifest.tables[name] !== restored[name]) countMismatches[name] = [manifest.tables[name] ?? null, restored[name] ?? null];
  }
  const handle = await openDatabase({ kind: "postgres", url });
  let chain: ChainVerification;
  try {
    chain = await verifyAuditChain(handle.prisma);
  } finally {
    await handle.close();
  }
  const headHashMatches = chain.ok && (manifest.audit.headHash === null ? chain.lastId === null : chain.lastHash === manifest.audit.headHash);
  return { ok: Object.keys(countMismatches).length === 0 && chain.ok && headHashMatches, countMismatches, chain, headHashMatches };
}

/** pg_restore of `inFile` into the empty database at `targetUrl`, then checkRestored. */
export async function restoreDatabase(inFile: string, targetUrl: string): Promise<RestoreCheck> {
  const manifest = await readManifest(inFile);
  const client = await connect(targetUrl);
  try {
    const { rows } = await client.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' LIMIT 1`);
    if (rows.length > 0) throw new BackupError("The target database is not empty: restore only into a freshly created database.");
  } finally {
    await client.end();
  }
  await run("pg_restore", ["--exit-on-error", "--no-owner", "--no-privileges", `--dbname=${targetUrl}`, inFile], { maxBuffer: 16 * 1024 * 1024 });
  return checkRestored(targetUrl, manifest);
}
