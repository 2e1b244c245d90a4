// The audit chain's tail cannot be cut unnoticed (issue 18, item 4): signed
// checkpoints anchor it outside the chain; deleting the newest rows, changing a
// row, forging a checkpoint or a run are each detected; a detected break stays
// reported until an auditor acknowledges it; runs, checkpoints and
// acknowledgements are append-only. And the verifier's lock no longer blocks
// the dashboards' summary flush (item 8). Both databases.
import { afterAll, beforeAll, expect, it } from "vitest";
import { recordAudit } from "../../audit/recorder";
import { lockKey } from "../../db/locks";
import { callerAs } from "../../testing/callers";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { flushLearnerSummary } from "../summary/learner-summary";
import { runAuditVerification } from "./verification-runs";

describeDb("audit chain anchors", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  const system = { id: null, login: "test", role: null, ip: null };
  const record = (n: number) => db.prisma.$transaction(async (tx) => { for (let i = 0; i < n; i++) await recordAudit(tx, system, { action: "access.denied" }); });
  const run = (full: boolean) => runAuditVerification(db.prisma, { trigger: "CLI", full });
  /** Owner's SQL with the append-only triggers off, as someone covering tracks would run it. */
  const behindTriggers = (sql: string) => db.sql.exec(`SET session_replication_role = replica; ${sql}; SET session_replication_role = DEFAULT;`);
  const maxId = async () => (await db.prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id!;
  async function acknowledge(reason = "Проверено аудитором, инцидент расследован") {
    const runs = await (await callerAs(db.prisma, "auditor")).admin.verification.runs({ page: 0, pageSize: 5 });
    expect(runs.openBreak).not.toBeNull();
    return (await callerAs(db.prisma, "auditor")).admin.verification.acknowledge({ runId: runs.openBreak!.id, reason });
  }

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    await record(5);
  });
  afterAll(() => db?.close());

  it("detects deleted newest rows, incrementally and fully, until acknowledged", async () => {
    expect(await run(true)).toMatchObject({ run: { ok: true } });
    const checkpoint = await db.prisma.auditCheckpoint.findFirst({ orderBy: { id: "desc" } });
    expect(checkpoint).toMatchObject({ auditId: expect.any(BigInt), mac: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // Cut the tail: the checkpoint's row, the one before it and the run's own audit row.
    await behindTriggers(`DELETE FROM "AuditEvent" WHERE id >= ${checkpoint!.auditId - 1n}`);
    expect(await run(false)).toMatchObject({ run: { ok: false, brokenReason: "missing", brokenAtId: checkpoint!.auditId.toString() } });
    expect(await run(true)).toMatchObject({ run: { ok: false, brokenReason: "missing" } });
    // Still reported by the next runs, and shown as the open break.
    expect(await run(false)).toMatchObject({ run: { ok: false, brokenReason: "missing" } });
    for (const login of ["sys.admin", "school.admin", "edu.officer", "health.officer"]) {
      const caller = await callerAs(db.prisma, login);
      await expect(caller.admin.verification.acknowledge({ runId: crypto.randomUUID(), reason: "нет прав на это действие" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(acknowledge("кратко")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const ack = await acknowledge();
    expect(await db.prisma.auditEvent.findFirst({ where: { action: "audit.chain.acknowledge" }, orderBy: { id: "desc" } })).toMatchObject({ entityId: ack.runId, actorLogin: "auditor" });
    expect(await run(false)).toMatchObject({ run: { ok: true } });
    expect(await run(true)).toMatchObject({ run: { ok: true } });
  });

  it("keeps reporting a changed row after a full run found it, though incremental runs start later", async () => {
    const early = (await db.prisma.auditEvent.findFirst({ orderBy: { id: "asc" } }))!.id;
    await behindTriggers(`UPDATE "AuditEvent" SET "actorLogin" = 'someone-else' WHERE id = ${early}`);
    // The latest checkpoint lies after the row: an incremental walk alone would not see it.
    expect(await run(true)).toMatchObject({ run: { ok: false, brokenReason: "content", brokenAtId: early.toString() } });
    await record(2);
    expect(await run(false)).toMatchObject({ run: { ok: false, brokenReason: "content", brokenAtId: early.toString() } });
    await acknowledge();
    // The acknowledged row is accepted as it stands; the rest of the chain still verifies.
    expect(await run(true)).toMatchObject({ run: { ok: true } });
    expect(await run(false)).toMatchObject({ run: { ok: true } });
  });

  it("detects a chain recomputed after a change: the checkpoint's row has another hash", async () => {
    const last = (await db.prisma.auditCheckpoint.findFirst({ orderBy: { id: "desc" } }))!;
    await behindTriggers(`UPDATE "AuditEvent" SET "hash" = repeat('a', 64) WHERE id = ${last.auditId}`);
    expect(await run(false)).toMatchObject({ run: { ok: false, brokenReason: "anchor", brokenAtId: last.auditId.toString() } });
    await behindTriggers(`UPDATE "AuditEvent" SET "hash" = '${last.hash}' WHERE id = ${last.auditId}`);
    // Put back, but not acknowledged: still reported.
    expect(await run(false)).toMatchObject({ run: { ok: false, brokenReason: "anchor" } });
    await acknowledge();
    expect(await run(false)).toMatchObject({ run: { ok: true } });
  });

  it("detects a forged checkpoint, a tampered one and a forged run", async () => {
    const head = await maxId();
    const hash = (await db.prisma.auditEvent.findUnique({ where: { id: head } }))!.hash;
    await db.sql.exec(`INSERT INTO "AuditCheckpoint" ("auditId", "hash", "mac") VALUES (${head}, '${hash}', repeat('0', 64))`);
    const forged = (await db.prisma.auditCheckpoint.findFirst({ orderBy: { id: "desc" } }))!;
    expect(await run(false)).toMatchObject({ run: { ok: false, brokenReason: "forged", brokenRef: `checkpoint:${forged.id}` } });
    await acknowledge();
    expect(await run(false)).toMatchObject({ run: { ok: true } });

    const genuine = (await db.prisma.auditCheckpoint.findFirst({ orderBy: { id: "desc" } }))!;
    await behindTriggers(`UPDATE "AuditCheckpoint" SET "auditId" = "auditId" - 1 WHERE id = ${genuine.id}`);
    expect(await run(false)).toMatchObject({ run: { ok: false, brokenReason: "forged", brokenRef: `checkpoint:${genuine.id}` } });
    await acknowledge();
    expect(await run(false)).toMatchObject({ run: { ok: true } });

    // A run inserted to look like a success is neither trusted nor shown as the latest.
    await db.sql.exec(`INSERT INTO "AuditVerificationRun" ("id", "trigger", "full", "ok", "startedAt", "mac")
      VALUES ('${crypto.randomUUID()}', 'CLI', true, true, now() + interval '1 hour', repeat('1', 64))`);
    expect(await run(false)).toMatchObject({ run: { ok: false, brokenReason: "forged", brokenRef: expect.stringMatching(/^run:/) } });
    const runs = await (await callerAs(db.prisma, "sys.admin")).admin.verification.runs({ page: 0, pageSize: 5 });
    expect(runs.rows[0]).toMatchObject({ signed: false });
    expect(runs.latest).toMatchObject({ signed: true, ok: false });
  });

  it("refuses to change or delete runs, checkpoints and acknowledgements", async () => {
    for (const table of ["AuditVerificationRun", "AuditCheckpoint", "AuditBreakAcknowledgement"]) {
      await expect(db.sql.exec(`UPDATE "${table}" SET "mac" = "mac"`)).rejects.toThrow(/append-only/);
      await expect(db.sql.exec(`DELETE FROM "${table}"`)).rejects.toThrow(/append-only/);
      await expect(db.sql.exec(`TRUNCATE "${table}"`)).rejects.toThrow(/append-only/);
    }
  });

  it("lets the summary flush and audit appends run while the verifier's lock is held", async () => {
    await db.sql.query(`SELECT pg_advisory_lock(${lockKey("auditVerify")})`);
    try {
      const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error("flush waited for the verifier's lock")), 10_000));
      await Promise.race([flushLearnerSummary(db.prisma), timeout]);
      await Promise.race([record(1), timeout]);
    } finally {
      await db.sql.query(`SELECT pg_advisory_unlock(${lockKey("auditVerify")})`);
    }
  });
});
