// Backup and restore of a PostgreSQL database with pg_dump / pg_restore, each
// checked: the backup writes a manifest (row count of every table, the audit
// chain's head, the dump's SHA-256) from the same snapshot pg_dump reads. A
// restore refuses a dump whose checksum differs, restores in one transaction
// (a failed pg_restore leaves the target empty), and is accepted only when the
// restored database has the same counts, no sequence behind its column's
// values, and an audit chain that verifies up to the same head hash; a
// restore that fails this check is removed again unless asked to keep it.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import { promisify } from "node:util";
import pg from "pg";
import { verifyAuditChain, type ChainVerification } from "../audit/verify";
import { openDatabase } from "../db";
import { resolveDatabaseTarget } from "./target";

const run = promisify(execFile);

const FORMAT = "kontingent-backup/2";

export interface BackupManifest {
  format: typeof FORMAT;
  createdAt: string;
  /** Host and database name of the source, never credentials. */
  source: string;
  tables: Record<string, number>;
  audit: { rows: number; lastId: string | null; headHash: string | null };
  /** SHA-256 (hex) of the dump file. */
  dumpSha256: string;
}

export interface RestoreCheck {
  ok: boolean;
  /** Tables whose restored count differs: name → [manifest, restored]. */
  countMismatches: Record<string, [number | null, number | null]>;
  /** Sequences that would hand out an id already in use: "table.column" → [sequence's last value, max value]. */
  sequenceMismatches: Record<string, [string, string]>;
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
  // Ordered by the bigint, cast only after: "ORDER BY id" on an output column
  // "id::text" sorted the text, so 999 came after 2457.
  const { rows } = await client.query<{ id: string; hash: string }>(
    `SELECT last.id::text AS id, last.hash FROM (SELECT id, hash FROM "AuditEvent" ORDER BY id DESC LIMIT 1) AS last`,
  );
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
      format: FORMAT,
      createdAt: new Date().toISOString(),
      source: describeSource(url),
      tables,
      audit: { rows: tables.AuditEvent ?? 0, ...head },
      dumpSha256: await sha256OfFile(outFile),
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
  if ((manifest.format as string) === "kontingent-backup/1") {
    throw new BackupError(`Манифест ${manifestPathOf(dumpFile)} старого формата: в нём нет контрольной суммы дампа, целостность файла не проверить. Сделайте новую резервную копию (npm run db:backup).`);
  }
  if (manifest.format !== FORMAT || !/^[0-9a-f]{64}$/.test(manifest.dumpSha256 ?? "")) {
    throw new BackupError(`Неизвестный формат манифеста ${manifestPathOf(dumpFile)}`);
  }
  return manifest;
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Serial and identity columns whose sequence is behind the column's largest value. */
async function laggingSequences(client: pg.Client): Promise<RestoreCheck["sequenceMismatches"]> {
  const { rows } = await client.query<{ seq: string; tbl: string; col: string }>(
    `SELECT s.oid::regclass::text AS seq, t.relname AS tbl, a.attname AS col
       FROM pg_class s
       JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
       JOIN pg_class t ON t.oid = d.refobjid
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE s.relkind = 'S' AND n.nspname = 'public'`,
  );
  const lagging: RestoreCheck["sequenceMismatches"] = {};
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  for (const { seq, tbl, col } of rows) {
    const [state] = (await client.query<{ last: string; called: boolean }>(`SELECT last_value::text AS last, is_called AS called FROM ${seq}`)).rows;
    const [max] = (await client.query<{ max: string | null }>(`SELECT max(${quote(col)})::text AS max FROM ${quote(tbl)}`)).rows;
    if (!state || max?.max == null) continue;
    // The next value is last_value when is_called is false, last_value + 1 otherwise.
    const next = BigInt(state.last) + (state.called ? 1n : 0n);
    if (next <= BigInt(max.max)) lagging[`${tbl}.${col}`] = [state.last, max.max];
  }
  return lagging;
}

/** Compares a restored database with the manifest: every table's count and the audit chain up to the same head. */
export async function checkRestored(url: string, manifest: BackupManifest): Promise<RestoreCheck> {
  const client = await connect(url);
  let restored: Record<string, number>;
  let sequenceMismatches: RestoreCheck["sequenceMismatches"];
  try {
    restored = await countTables(client);
    sequenceMismatches = await laggingSequences(client);
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
  const ok = Object.keys(countMismatches).length === 0 && Object.keys(sequenceMismatches).length === 0 && chain.ok && headHashMatches;
  return { ok, countMismatches, sequenceMismatches, chain, headHashMatches };
}

export interface RestoreResult extends RestoreCheck {
  dumpSha256: string;
  /** The restore failed its check and was removed again (the target is empty). */
  removed: boolean;
}

/**
 * Checks the dump's SHA-256 against the manifest, then pg_restore of `inFile`
 * into the empty database at `targetUrl` in one transaction (a failure leaves
 * it empty), then checkRestored; a restore that fails the check is removed
 * again unless `keepFailed` (to investigate it).
 */
export async function restoreDatabase(inFile: string, targetUrl: string, options: { keepFailed?: boolean } = {}): Promise<RestoreResult> {
  const manifest = await readManifest(inFile);
  const dumpSha256 = await sha256OfFile(inFile);
  if (dumpSha256 !== manifest.dumpSha256) {
    throw new BackupError(
      `Контрольная сумма дампа ${inFile} не совпадает с манифестом (SHA-256 ${dumpSha256}, в манифесте ${manifest.dumpSha256}): ` +
        "файл изменён или повреждён. Ничего не восстановлено.",
    );
  }
  const client = await connect(targetUrl);
  try {
    const { rows } = await client.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' LIMIT 1`);
    if (rows.length > 0) throw new BackupError("Целевая база не пуста: восстанавливайте только в только что созданную базу (createdb). Ничего не восстановлено.");
  } finally {
    await client.end();
  }
  try {
    await run("pg_restore", ["--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges", `--dbname=${targetUrl}`, inFile], {
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new BackupError(`pg_restore завершился ошибкой, транзакция отменена, целевая база осталась пустой.\n${stderr || String(error)}`);
  }
  const check = await checkRestored(targetUrl, manifest);
  let removed = false;
  if (!check.ok && !options.keepFailed) {
    // Nobody should start on a database that failed its check: empty it again.
    const wipe = await connect(targetUrl);
    try {
      await wipe.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
      removed = true;
    } finally {
      await wipe.end();
    }
  }
  return { ...check, dumpSha256, removed };
}
