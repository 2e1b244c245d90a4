// Backup and restore on PostgreSQL (pg_dump / pg_restore; skipped on PGlite):
// a seeded throw-away database is backed up and restored into another one,
// the restore verifies against the manifest; a tampered audit row in the
// restored database, or a missing row, makes the verification fail.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../audit/recorder";
import { createSeededTestDatabase, describeDb, testDatabaseKind } from "../testing/test-db";
import { POSTGRES_ADMIN_URL } from "../testing/throwaway-db";
import { BackupError, backupDatabase, checkRestored, readManifest, requirePostgresUrl, restoreDatabase } from "./backup";

const describePostgres = testDatabaseKind === "postgres" ? describeDb : describe.skip;

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

  beforeAll(async () => {
    source = await createSeededTestDatabase();
    const actor = { id: null, login: "test", role: null, ip: null };
    for (let i = 0; i < 3; i++) {
      await source.prisma.$transaction((tx) => recordAudit(tx, actor, { action: "learner.list.read", learnerIds: [crypto.randomUUID()] }));
    }
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
    expect(manifest.tables.AuditEvent).toBe(3);
    expect(manifest.tables.User).toBeGreaterThan(0);
    expect(manifest.audit.headHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await readManifest(file)).toEqual(manifest);

    const target = await emptyDatabase();
    const check = await restoreDatabase(file, target);
    expect(check).toMatchObject({ ok: true, countMismatches: {}, headHashMatches: true, chain: { ok: true, checked: 3 } });
    await expect(restoreDatabase(file, target)).rejects.toThrow(/not empty/);
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
