// Backup and restore on PostgreSQL (pg_dump / pg_restore; skipped on PGlite):
// a seeded throw-away database with thousands of audit rows (so the last id
// sorts differently as text) is backed up and restored into another one, the
// restore verifies against the manifest; a dump with one changed byte is
// refused, a failing pg_restore leaves the target empty; a tampered audit row,
// a missing row or a sequence behind its values in the restored database
// makes the verification fail.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../audit/recorder";
import { createSeededTestDatabase, describeDb, testDatabaseKind } from "../testing/test-db";
import { POSTGRES_ADMIN_URL } from "../testing/throwaway-db";
import { BackupError, backupDatabase, checkRestored, readManifest, requirePostgresUrl, restoreDatabase, sha256OfFile } from "./backup";

const describePostgres = testDatabaseKind === "postgres" ? describeDb : describe.skip;
/** More than 999, so "ORDER BY id::text" would name the wrong last row. */
const AUDIT_ROWS = 2_457;

describePostgres("database backup and restore", () => {
  let source: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let dir: string;
  const created: string[] = [];
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });

  async function emptyDatabase(): Promise<string> {
    const name = `kt_restore_${randomBytes(6).toString("hex")}`;
    await admin.query(`CREATE DATABASE ${name}`);
    created.push(name);
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${name}`;
    return url.toString();
  }

  async function tableCount(url: string): Promise<number> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`);
      return rows[0]!.n;
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    source = await createSeededTestDatabase();
    const actor = { id: null, login: "test", role: null, ip: null };
    // One transaction: thousands of appends in a few seconds.
    await source.prisma.$transaction(
      async (tx) => {
        for (let i = 0; i < AUDIT_ROWS; i++) await recordAudit(tx, actor, { action: "learner.list.read", learnerIds: [crypto.randomUUID()] });
      },
      { timeout: 120_000 },
    );
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "kt-backup-"));
    await admin.connect();
  });
  afterAll(async () => {
    await source?.close();
    for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it("backs up with a manifest, restores into an empty database, and the restore verifies", async () => {
    const file = path.join(dir, "kontingent.dump");
    const manifest = await backupDatabase(source.url!, file);
    expect(manifest.tables.AuditEvent).toBe(AUDIT_ROWS);
    expect(manifest.tables.User).toBeGreaterThan(0);
    expect(manifest.audit.headHash).toMatch(/^[0-9a-f]{64}$/);
    const [last] = await source.sql.query<{ id: string; hash: string }>(`SELECT id::text AS id, hash FROM "AuditEvent" WHERE id = (SELECT max(id) FROM "AuditEvent")`);
    expect(manifest.audit).toMatchObject({ lastId: last!.id, headHash: last!.hash });
    expect(manifest.dumpSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await readManifest(file)).toEqual(manifest);

    const target = await emptyDatabase();
    const check = await restoreDatabase(file, target);
    expect(check).toMatchObject({ ok: true, countMismatches: {}, sequenceMismatches: {}, headHashMatches: true, chain: { ok: true, checked: AUDIT_ROWS } });
    await expect(restoreDatabase(file, target)).rejects.toThrow(/не пуста/);
  });

  it("refuses a dump with one changed byte, before writing anything", async () => {
    const file = path.join(dir, "kontingent.dump");
    const tampered = path.join(dir, "tampered.dump");
    const bytes = await fs.readFile(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    await fs.writeFile(tampered, bytes);
    await fs.copyFile(`${file}.manifest.json`, `${tampered}.manifest.json`);
    const target = await emptyDatabase();
    await expect(restoreDatabase(tampered, target)).rejects.toThrow(/Контрольная сумма дампа .* не совпадает/);
    expect(await tableCount(target)).toBe(0);
  });

  it("leaves the target empty when pg_restore fails half-way", async () => {
    const file = path.join(dir, "kontingent.dump");
    const cut = path.join(dir, "cut.dump");
    const bytes = await fs.readFile(file);
    await fs.writeFile(cut, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
    // A manifest that matches the cut file: only pg_restore can notice.
    const manifest = { ...(await readManifest(file)), dumpSha256: await sha256OfFile(cut) };
    await fs.writeFile(`${cut}.manifest.json`, JSON.stringify(manifest));
    const target = await emptyDatabase();
    await expect(restoreDatabase(cut, target)).rejects.toThrow(/транзакция отменена/);
    expect(await tableCount(target)).toBe(0);
  });

  it("removes a restore that fails its verification, unless asked to keep it", async () => {
    const file = path.join(dir, "kontingent.dump");
    const other = path.join(dir, "other.dump");
    await fs.copyFile(file, other);
    const manifest = await readManifest(file);
    await fs.writeFile(`${other}.manifest.json`, JSON.stringify({ ...manifest, tables: { ...manifest.tables, AuditEvent: AUDIT_ROWS + 1 } }));
    const target = await emptyDatabase();
    expect(await restoreDatabase(other, target)).toMatchObject({ ok: false, removed: true, countMismatches: { AuditEvent: [AUDIT_ROWS + 1, AUDIT_ROWS] } });
    expect(await tableCount(target)).toBe(0);
    expect(await restoreDatabase(other, target, { keepFailed: true })).toMatchObject({ ok: false, removed: false });
    expect(await tableCount(target)).toBeGreaterThan(0);
  });

  it("fails the verification when a sequence is behind its values", async () => {
    const file = path.join(dir, "kontingent.dump");
    const target = await emptyDatabase();
    expect((await restoreDatabase(file, target)).ok).toBe(true);
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    try {
      await client.query(`SELECT setval(pg_get_serial_sequence('"AuditEvent"', 'id'), 999)`);
    } finally {
      await client.end();
    }
    const check = await checkRestored(target, await readManifest(file));
    expect(check).toMatchObject({ ok: false, sequenceMismatches: { "AuditEvent.id": ["999", expect.any(String)] } });
  });

  it("fails the verification when an audit row of the restored database was altered", async () => {
    const file = path.join(dir, "kontingent.dump");
    const target = await emptyDatabase();
    expect((await restoreDatabase(file, target)).ok).toBe(true);
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    try {
      await client.query(`SET session_replication_role = replica`);
      await client.query(`UPDATE "AuditEvent" SET "actorLogin" = 'someone-else' WHERE id = (SELECT min(id) FROM "AuditEvent")`);
    } finally {
      await client.end();
    }
    const check = await checkRestored(target, await readManifest(file));
    expect(check).toMatchObject({ ok: false, chain: { ok: false, reason: "content" } });
  });

  it("fails the verification when a table lost rows", async () => {
    const file = path.join(dir, "kontingent.dump");
    const target = await emptyDatabase();
    await restoreDatabase(file, target);
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    try {
      await client.query(`DELETE FROM "_prisma_migrations" WHERE id = (SELECT id FROM "_prisma_migrations" ORDER BY started_at DESC LIMIT 1)`);
    } finally {
      await client.end();
    }
    const check = await checkRestored(target, await readManifest(file));
    expect(check.ok).toBe(false);
    expect(check.countMismatches._prisma_migrations).toEqual([expect.any(Number), expect.any(Number)]);
  });

  it("refuses the embedded database with the alternative spelled out", () => {
    expect(() => requirePostgresUrl("pglite:.data/x", "db:backup")).toThrow(BackupError);
    expect(() => requirePostgresUrl("pglite:.data/x", "db:backup")).toThrow(/copy its data directory/);
  });
});
