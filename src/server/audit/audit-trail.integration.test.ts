// The audit trail on a real database: append-only by trigger, hash-chained,
// written in the same transaction as the action, verifiable by the auditor.
import { afterAll, beforeAll, expect, it } from "vitest";
import { callerAs } from "../testing/callers";
import { createSeededTestDatabase, describeDb } from "../testing/test-db";
import { recordAudit } from "./recorder";
import { verifyAuditChain } from "./verify";

describeDb("audit trail", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  const actor = { id: null, login: "test", role: null, ip: "127.0.0.1" };
  beforeAll(async () => {
    db = await createSeededTestDatabase();
    for (let i = 0; i < 5; i++) {
      await db.prisma.$transaction((tx) => recordAudit(tx, actor, { action: "access.denied", details: { i, nested: { z: 1, a: [i] } } }));
    }
  });
  afterAll(() => db?.close());

  it("links every row to its predecessor", async () => {
    const rows = await db.prisma.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(rows[0]!.prevHash).toBe("0".repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(await verifyAuditChain(db.prisma)).toMatchObject({ ok: true, checked: rows.length });
  });

  it("refuses UPDATE, DELETE and TRUNCATE at the database", async () => {
    await expect(db.sql.query(`UPDATE "AuditEvent" SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.sql.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(db.sql.query(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(db.prisma.auditEvent.deleteMany({})).rejects.toThrow();
    expect(await db.prisma.auditEvent.count()).toBe(5);
  });

  it("keeps no audit row when the action's transaction fails", async () => {
    const before = await db.prisma.auditEvent.count();
    await expect(
      db.prisma.$transaction(async (tx) => {
        await recordAudit(tx, actor, { action: "user.update" });
        throw new Error("the action failed after recording");
      }),
    ).rejects.toThrow("the action failed");
    expect(await db.prisma.auditEvent.count()).toBe(before);
  });

  it("keeps the chain intact under concurrent appends", async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => db.prisma.$transaction((tx) => recordAudit(tx, actor, { action: "access.denied", details: { parallel: i } }))),
    );
    expect(await verifyAuditChain(db.prisma)).toMatchObject({ ok: true, checked: 13 });
  });

  it("lets the auditor verify, and detects a row altered behind the trigger's back", async () => {
    const auditor = await callerAs(db.prisma, "auditor");
    await expect(auditor.admin.audit.verifyChain()).resolves.toMatchObject({ ok: true });

    const victim = await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "asc" }, skip: 2 });
    // A superuser disabling triggers, as an attacker with database access would.
    await db.sql.exec(`SET session_replication_role = replica;
      UPDATE "AuditEvent" SET "actorLogin" = 'someone-else' WHERE id = ${victim.id};
      SET session_replication_role = origin;`);
    await expect(auditor.admin.audit.verifyChain()).resolves.toEqual({ ok: false, checked: 2, brokenAtId: victim.id.toString(), reason: "content" });

    const list = await auditor.admin.audit.list({ action: "audit.chain.verify" });
    expect(list.rows[0]).toMatchObject({ outcome: "FAILURE", actorLogin: "auditor" });
  });

  it("records the auditor's own reading of the log, with filters but no data", async () => {
    const auditor = await callerAs(db.prisma, "auditor");
    const page = await auditor.admin.audit.list({ login: "test", from: "2020-01-01", to: "2099-12-31", pageSize: 5 });
    expect(page.total).toBe(12); // 13 recorded; the tampered one now names someone else
    expect(page.rows).toHaveLength(5);
    const last = await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(last).toMatchObject({ action: "audit.log.read", actorLogin: "auditor", details: { filters: { login: "test" }, total: 12 } });
  });

  it("validates the date range", async () => {
    const auditor = await callerAs(db.prisma, "auditor");
    await expect(auditor.admin.audit.list({ from: "2026-12-01", to: "2026-01-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(auditor.admin.audit.list({ from: "01.12.2026" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
