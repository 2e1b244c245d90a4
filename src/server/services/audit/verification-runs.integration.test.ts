// Audit-chain verification runs: recorded with their outcome, incremental
// after a good run, a tampered row or learner link shows as a failed run,
// one run at a time (advisory lock), and who may see or start them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../../audit/recorder";
import { lockKey } from "../../db/locks";
import { callerAs } from "../../testing/callers";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { runAuditVerification } from "./verification-runs";
import { scheduleAuditVerification } from "./verification-schedule";

describeDb("audit-chain verification runs", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  const system = { id: null, login: "test", role: null, ip: null };
  beforeAll(async () => {
    db = await createSeededTestDatabase();
  });
  afterAll(() => db?.close());

  it("records a full run, then checks only newer rows incrementally", async () => {
    await db.prisma.$transaction((tx) => recordAudit(tx, system, { action: "access.denied" }));
    const total = await db.prisma.auditEvent.count();
    const full = await runAuditVerification(db.prisma, { trigger: "CLI", full: true });
    expect(full).toMatchObject({ status: "done", run: { ok: true, full: true, rowsChecked: total, trigger: "CLI" } });
    await db.prisma.$transaction((tx) => recordAudit(tx, system, { action: "access.denied" }));
    const incremental = await runAuditVerification(db.prisma, { trigger: "SCHEDULE", full: false });
    // The first run's own audit row plus the one just added.
    expect(incremental).toMatchObject({ status: "done", run: { ok: true, full: false, rowsChecked: 2 } });
    // "auto" walks the whole chain only when the last full run is a day old.
    expect(await runAuditVerification(db.prisma, { trigger: "SCHEDULE", full: "auto" })).toMatchObject({ run: { full: false } });
  });

  it("shows the auditor and the system administrator the latest result and history", async () => {
    for (const login of ["auditor", "sys.admin"]) {
      const runs = await (await callerAs(db.prisma, login)).admin.verification.runs({ page: 0, pageSize: 20 });
      expect(runs.latest).toMatchObject({ ok: true });
      expect(runs.rows.length).toBe(runs.total);
      expect(runs.lastFailure).toBeNull();
    }
  });

  it("lets only the auditor start a run; everyone else is refused", async () => {
    const auditor = await callerAs(db.prisma, "auditor");
    await expect(auditor.admin.verification.run({ full: true })).resolves.toMatchObject({ ok: true, trigger: "MANUAL", actorLogin: "auditor" });
    await expect((await callerAs(db.prisma, "sys.admin")).admin.verification.run({ full: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    for (const login of ["school.admin", "school.registrar", "school.medic", "edu.officer", "health.officer"]) {
      const caller = await callerAs(db.prisma, login);
      await expect(caller.admin.verification.runs({ page: 0, pageSize: 20 })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.admin.verification.run({ full: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("skips a run while another holds the lock", async ({ skip }) => {
    // PGlite has one session: the lock below would be re-entrant there.
    if (db.kind !== "postgres") skip();
    await db.sql.query(`SELECT pg_advisory_lock(${lockKey("auditVerify")})`);
    try {
      expect(await runAuditVerification(db.prisma, { trigger: "SCHEDULE", full: true })).toEqual({ status: "busy" });
      await expect((await callerAs(db.prisma, "auditor")).admin.verification.run({ full: true })).rejects.toMatchObject({ code: "CONFLICT" });
    } finally {
      await db.sql.query(`SELECT pg_advisory_unlock(${lockKey("auditVerify")})`);
    }
  });

  it("reports a learner link removed behind the triggers' back as a failed run, prominently", async () => {
    const eventId = await db.prisma.$transaction((tx) => recordAudit(tx, system, { action: "learner.list.read", learnerIds: [crypto.randomUUID()] }));
    await db.sql.exec(`SET session_replication_role = replica;
      DELETE FROM "AuditEventLearner" WHERE "eventId" = ${eventId};
      SET session_replication_role = DEFAULT;`);
    const run = await runAuditVerification(db.prisma, { trigger: "SCHEDULE", full: false });
    expect(run).toMatchObject({ status: "done", run: { ok: false, brokenAtId: eventId.toString(), brokenReason: "learners" } });
    const runs = await (await callerAs(db.prisma, "sys.admin")).admin.verification.runs({ page: 0, pageSize: 20 });
    expect(runs.latest).toMatchObject({ ok: false, brokenAtId: eventId.toString() });
    expect(runs.lastFailure).toMatchObject({ brokenAtId: eventId.toString() });
    // The next incremental run starts from the last good row, so the break stays visible.
    expect(await runAuditVerification(db.prisma, { trigger: "SCHEDULE", full: false })).toMatchObject({ run: { ok: false } });
  });
});

describe("verification schedule", () => {
  it("is disabled by an interval of 0", () => {
    expect(scheduleAuditVerification(() => Promise.reject(new Error("unused")), 0)).toBeNull();
  });
});
