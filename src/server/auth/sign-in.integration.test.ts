// Sign-in against a real database: argon2id check, one generic refusal,
// every attempt audited, and the session re-validated on every request.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../../prisma/seed/demo-region";
import { approvePendingAccount } from "../testing/approvals";
import { callerAs } from "../testing/callers";
import { signedInClaims } from "../testing/sessions";
import { createSeededTestDatabase, describeDb } from "../testing/test-db";
import { createCaller } from "../trpc/root";
import { signIn } from "./sign-in";

describeDb("sign-in", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  beforeAll(async () => {
    db = await createSeededTestDatabase();
  });
  afterAll(() => db?.close());

  const lastAudit = () => db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });

  it("accepts every demo account with the demo password and audits the success", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const result = await signIn(db.prisma, { login: account.login, password: DEMO_PASSWORD }, "10.0.0.1");
      expect(result.ok, account.login).toBe(true);
      const audit = await lastAudit();
      expect(audit).toMatchObject({ action: "auth.login.success", outcome: "SUCCESS", actorLogin: account.login, actorRole: account.role, ip: "10.0.0.1" });
    }
  });

  it("gives one generic answer for a wrong password and an unknown login, auditing both", async () => {
    const wrong = await signIn(db.prisma, { login: "school.admin", password: "not-the-password" }, "10.0.0.2");
    expect(wrong).toEqual({ ok: false, error: "invalid_credentials" });
    expect(await lastAudit()).toMatchObject({ action: "auth.login.failure", outcome: "FAILURE", actorLogin: "school.admin", details: { reason: "wrong_password" } });

    const unknown = await signIn(db.prisma, { login: "nobody.here", password: DEMO_PASSWORD }, "10.0.0.2");
    expect(unknown).toEqual(wrong);
    expect(await lastAudit()).toMatchObject({ action: "auth.login.failure", actorId: null, actorLogin: "nobody.here", details: { reason: "unknown_login" } });

    const user = await db.prisma.user.findUniqueOrThrow({ where: { login: "school.admin" } });
    expect(user.failedLoginCount).toBe(1); // the success before reset it; one failure since
  });

  it("rejects empty and oversized fields as invalid input, without touching any account", async () => {
    const before = await db.prisma.auditEvent.count();
    expect(await signIn(db.prisma, { login: "", password: "x" }, null)).toEqual({ ok: false, error: "invalid_input" });
    expect(await signIn(db.prisma, { login: "a".repeat(65), password: "x" }, null)).toEqual({ ok: false, error: "invalid_input" });
    expect(await signIn(db.prisma, { login: "school.admin", password: "x".repeat(257) }, null)).toEqual({ ok: false, error: "invalid_input" });
    expect(await signIn(db.prisma, null, null)).toEqual({ ok: false, error: "invalid_input" });
    expect(await db.prisma.auditEvent.count()).toBe(before);
  });

  it("refuses a deactivated account at sign-in and on its next request", async () => {
    const caller = await callerAs(db.prisma, "school.medic");
    await expect(caller.session.me()).resolves.toMatchObject({ login: "school.medic", role: "SCHOOL_MEDIC" });
    const admin = await callerAs(db.prisma, "sys.admin");
    const medic = await db.prisma.user.findUniqueOrThrow({ where: { login: "school.medic" } });
    await admin.admin.users.setActive({ id: medic.id, active: false });

    await expect(caller.session.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    // Even a brand-new session row is refused while the account is inactive.
    const fresh = createCaller({ db: db.prisma, claims: await signedInClaims(db.prisma, "school.medic"), ip: null });
    await expect(fresh.session.me()).rejects.toBeInstanceOf(TRPCError);
    expect(await signIn(db.prisma, { login: "school.medic", password: DEMO_PASSWORD }, null)).toEqual({ ok: false, error: "invalid_credentials" });
    expect(await lastAudit()).toMatchObject({ action: "auth.login.failure", details: { reason: "inactive" } });

    await admin.admin.users.setActive({ id: medic.id, active: true });
    expect((await signIn(db.prisma, { login: "school.medic", password: DEMO_PASSWORD }, null)).ok).toBe(true);
  });

  it("refuses a session whose role changed since it was issued", async () => {
    const caller = await callerAs(db.prisma, "school.registrar");
    const admin = await callerAs(db.prisma, "sys.admin");
    const user = await db.prisma.user.findUniqueOrThrow({ where: { login: "school.registrar" } });
    await admin.admin.users.update({ id: user.id, fullName: user.fullName, role: "SCHOOL_MEDIC", scopeKind: "ORGANISATION", organisationId: user.organisationId, municipalityId: null });
    await approvePendingAccount(db.prisma, "school.registrar"); // two-person rule: the change applies on approval
    await expect(caller.school.organisation()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await admin.admin.users.update({ id: user.id, fullName: user.fullName, role: "SCHOOL_REGISTRAR", scopeKind: "ORGANISATION", organisationId: user.organisationId, municipalityId: null });
    await approvePendingAccount(db.prisma, "school.registrar");
  });

  it("refuses tokens that are missing, forged or for an unknown account", async () => {
    const anon = createCaller({ db: db.prisma, claims: null, ip: null });
    await expect(anon.session.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const garbage = createCaller({ db: db.prisma, claims: { sessionId: "not-a-uuid" }, ip: null });
    await expect(garbage.session.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const ghost = createCaller({ db: db.prisma, claims: { sessionId: "00000000-0000-4000-8000-000000000000" }, ip: null });
    await expect(ghost.session.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
