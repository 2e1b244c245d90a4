// Server-side sessions against a real database: idle and absolute expiry
// (the clock is moved by editing timestamps), sign-out revoking a copied
// cookie, SYSTEM_ADMIN's "end all sessions", and a password change ending
// the other sessions. Also the password policy on every path that sets one.
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../prisma/seed/demo-region";
import { approvePendingAccount } from "../testing/approvals";
import { callerAs } from "../testing/callers";
import { sessionToken, signedInClaims } from "../testing/sessions";
import { createSeededTestDatabase, describeDb } from "../testing/test-db";
import { createCaller } from "../trpc/root";
import { loadActor } from "./actor";
import { sessionCookieName } from "./options";
import { readSessionClaims } from "./session";
import { recordSignOut, signIn } from "./sign-in";

describeDb("sessions", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  beforeAll(async () => {
    db = await createSeededTestDatabase();
  });
  afterAll(() => db?.close());

  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
  const callerOf = (claims: { sessionId: string }) => createCaller({ db: db.prisma, claims, ip: "10.8.0.1" });

  it("ends a session idle for 30 minutes, and refreshes lastSeenAt at most once a minute", async () => {
    const claims = await signedInClaims(db.prisma, "school.admin");
    const caller = callerOf(claims);
    await db.prisma.userSession.update({ where: { id: claims.sessionId }, data: { lastSeenAt: minutesAgo(29) } });
    await expect(caller.session.me()).resolves.toMatchObject({ login: "school.admin" });
    const touched = await db.prisma.userSession.findUniqueOrThrow({ where: { id: claims.sessionId } });
    expect(Date.now() - touched.lastSeenAt.getTime()).toBeLessThan(5_000);

    const recent = new Date(Date.now() - 10_000);
    await db.prisma.userSession.update({ where: { id: claims.sessionId }, data: { lastSeenAt: recent } });
    await caller.session.me();
    expect((await db.prisma.userSession.findUniqueOrThrow({ where: { id: claims.sessionId } })).lastSeenAt).toEqual(recent); // no write

    await db.prisma.userSession.update({ where: { id: claims.sessionId }, data: { lastSeenAt: minutesAgo(31) } });
    await expect(caller.session.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await db.prisma.userSession.findUniqueOrThrow({ where: { id: claims.sessionId } })).toMatchObject({ reason: "idle", revokedAt: expect.any(Date) });
    // Revoked stays revoked, even if the timestamps were moved back.
    await db.prisma.userSession.update({ where: { id: claims.sessionId }, data: { lastSeenAt: new Date() } });
    await expect(caller.session.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("ends an active session 12 hours after sign-in", async () => {
    const claims = await signedInClaims(db.prisma, "school.admin");
    await db.prisma.userSession.update({ where: { id: claims.sessionId }, data: { createdAt: minutesAgo(12 * 60 - 1), lastSeenAt: minutesAgo(2) } });
    await expect(callerOf(claims).session.me()).resolves.toBeTruthy();
    await db.prisma.userSession.update({ where: { id: claims.sessionId }, data: { createdAt: minutesAgo(12 * 60 + 1) } });
    await expect(callerOf(claims).session.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await db.prisma.userSession.findUniqueOrThrow({ where: { id: claims.sessionId } })).toMatchObject({ reason: "expired" });
  });

  it("revokes the session on sign-out, so a copied cookie stops working", async () => {
    const token = await sessionToken(db.prisma, "school.registrar");
    const jar = { getAll: () => [{ name: sessionCookieName(), value: token }] };
    const claims = await readSessionClaims(jar);
    expect(await loadActor(db.prisma, claims)).toMatchObject({ login: "school.registrar" });
    await recordSignOut(db.prisma, claims, "10.8.0.2");
    // The same cookie value, presented again (e.g. copied before sign-out), is refused.
    expect(await loadActor(db.prisma, await readSessionClaims(jar))).toBeNull();
    expect(await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({ action: "auth.logout", entityId: claims!.sessionId });
  });

  it("lets SYSTEM_ADMIN end all sessions of an account (audited); other roles FORBIDDEN, unknown id NOT_FOUND", async () => {
    const a = await callerAs(db.prisma, "school.medic");
    const b = await callerAs(db.prisma, "school.medic");
    const target = await db.prisma.user.findUniqueOrThrow({ where: { login: "school.medic" } });
    for (const login of ["school.admin", "school.registrar", "school2.admin", "edu.officer", "health.officer", "auditor"]) {
      const caller = await callerAs(db.prisma, login);
      await expect(caller.admin.users.endSessions({ id: target.id }), login).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(a.session.me()).resolves.toBeTruthy();
    const admin = await callerAs(db.prisma, "sys.admin");
    await expect(admin.admin.users.endSessions({ id: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { ended } = await admin.admin.users.endSessions({ id: target.id });
    expect(ended).toBeGreaterThanOrEqual(2);
    await expect(a.session.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(b.session.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({ action: "user.sessions.revoke", entityId: target.id, actorLogin: "sys.admin" });
  });

  it("changes the own password: current one required, policy applied, other sessions ended, this one kept", async () => {
    const mine = await callerAs(db.prisma, "school2.admin");
    const other = await callerAs(db.prisma, "school2.admin");
    const good = "Лиловый-кит-плывёт-2031";
    await expect(mine.account.changePassword({ currentPassword: "wrong-one-entirely", newPassword: good, repeatPassword: good })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { field: "currentPassword" },
    });
    await expect(mine.account.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: "short", repeatPassword: "short" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(mine.account.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: "qwerty1234567", repeatPassword: "qwerty1234567" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/распространён/),
      cause: { field: "newPassword" },
    });
    await expect(other.session.me()).resolves.toBeTruthy(); // nothing changed yet

    const { otherSessionsEnded } = await mine.account.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: good, repeatPassword: good });
    expect(otherSessionsEnded).toBeGreaterThanOrEqual(1); // `other`, plus those earlier tests opened
    await expect(mine.session.me()).resolves.toMatchObject({ login: "school2.admin" });
    await expect(other.session.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect((await signIn(db.prisma, { login: "school2.admin", password: DEMO_PASSWORD }, "10.8.0.3")).ok).toBe(false);
    expect((await signIn(db.prisma, { login: "school2.admin", password: good }, "10.8.0.3")).ok).toBe(true);
    expect(await db.prisma.auditEvent.findFirst({ where: { action: "auth.password.change", actorLogin: "school2.admin" } })).not.toBeNull();
  });

  it("applies the password policy when SYSTEM_ADMIN creates an account or resets a password", async () => {
    const admin = await callerAs(db.prisma, "sys.admin");
    const org = db.seeded.organisationIds.school1;
    const base = { login: "policy.test", fullName: "Тестов Тест Тестович", role: "SCHOOL_REGISTRAR" as const, scopeKind: "ORGANISATION" as const, organisationId: org };
    await expect(admin.admin.users.create({ ...base, password: "1qaz2wsx3edc" })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "password" } });
    await expect(admin.admin.users.create({ ...base, password: "short-one" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const created = await admin.admin.users.create({ ...base, password: "Сосны-шумят-над-рекой" });
    await approvePendingAccount(db.prisma, "policy.test"); // two-person rule: otherwise no session of it works at all
    const update = { id: created.id, fullName: base.fullName, role: base.role, scopeKind: base.scopeKind, organisationId: org, municipalityId: null };
    await expect(admin.admin.users.update({ ...update, newPassword: "password123456" })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "newPassword" } });
    // The reset ends the account's sessions.
    const session = await callerAs(db.prisma, "policy.test");
    await admin.admin.users.update({ ...update, newPassword: "Берёзы-у-дороги-2030" });
    await expect(session.session.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
