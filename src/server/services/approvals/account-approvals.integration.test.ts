// Two-person rule for accounts: a SYSTEM_ADMIN's new account with a data role
// cannot sign in, and a change of role or scope does not apply, until a
// region-level officer of the matching ministry (never the requester, never
// the account itself) approves; a move to a role without data applies at once.
import { afterAll, beforeAll, expect, it } from "vitest";
import { signIn } from "../../auth/sign-in";
import { approvePendingAccount } from "../../testing/approvals";
import { callerAs } from "../../testing/callers";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { SELF_APPROVAL_MESSAGE } from "./approver";

const PASSWORD = "Long-enough-password-1";

describeDb("two-person rule: accounts", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let admin: Awaited<ReturnType<typeof callerAs>>;
  beforeAll(async () => {
    db = await createSeededTestDatabase();
    admin = await callerAs(db.prisma, "sys.admin");
  });
  afterAll(() => db?.close());

  const create = (login: string, access: { role: "SCHOOL_REGISTRAR" | "SCHOOL_MEDIC" | "EDU_OFFICER" | "HEALTH_OFFICER" | "AUDITOR" | "SYSTEM_ADMIN"; scopeKind: "ORGANISATION" | "MUNICIPALITY" | "REGION"; organisationId?: string; municipalityId?: string }) =>
    admin.admin.users.create({ login, fullName: "Тестов Тест Тестович", password: PASSWORD, ...access });
  const requestOf = (login: string) => db.prisma.accountRequest.findFirstOrThrow({ where: { user: { login }, status: "PENDING" } });
  const lastSignInFailure = () => db.prisma.auditEvent.findFirstOrThrow({ where: { action: "auth.login.failure" }, orderBy: { id: "desc" } });

  it("a new data account cannot sign in until approved: same answer as a wrong password", async () => {
    const user = await create("new.registrar", { role: "SCHOOL_REGISTRAR", scopeKind: "ORGANISATION", organisationId: db.seeded.organisationIds.school1! });
    expect(user).toMatchObject({ approvedAt: null, pendingRequest: { kind: "CREATE", role: "SCHOOL_REGISTRAR" } });
    const wrong = await signIn(db.prisma, { login: "new.registrar", password: "not-the-password-1" }, null);
    const pending = await signIn(db.prisma, { login: "new.registrar", password: PASSWORD }, null);
    expect(pending).toEqual(wrong);
    expect(pending).toEqual({ ok: false, error: "invalid_credentials" });
    expect((await lastSignInFailure()).details).toMatchObject({ reason: "not_approved" });
    // Neither does a session row made some other way, nor does activating it help.
    await admin.admin.users.setActive({ id: user.id, active: true });
    await expect((await callerAs(db.prisma, "new.registrar")).session.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const created = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "user.create", entityId: user.id } });
    expect(created.details).toMatchObject({ awaitingApproval: true });

    await approvePendingAccount(db.prisma, "new.registrar");
    expect((await signIn(db.prisma, { login: "new.registrar", password: PASSWORD }, null)).ok).toBe(true);
    const approved = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(approved.approvedById).toBe((await db.prisma.user.findUniqueOrThrow({ where: { login: "edu.officer" } })).id);
    expect(await db.prisma.auditEvent.count({ where: { action: "user.request.approve", entityId: user.id, actorLogin: "edu.officer" } })).toBe(1);
  });

  it("an account without data (SYSTEM_ADMIN) needs no approval; an auditor, who looks learners up, does", async () => {
    const auditor = await create("new.auditor", { role: "AUDITOR", scopeKind: "REGION" });
    expect(auditor.pendingRequest).toMatchObject({ kind: "CREATE" });
    expect((await signIn(db.prisma, { login: "new.auditor", password: PASSWORD }, null)).ok).toBe(false);
    const user = await create("new.sysadmin", { role: "SYSTEM_ADMIN", scopeKind: "REGION" });
    expect(user.pendingRequest).toBeNull();
    expect(user.approvedAt).toBeInstanceOf(Date);
    expect(await db.prisma.accountRequest.count({ where: { userId: user.id } })).toBe(0);
  });

  it("the ministry approves education roles, the health ministry health roles, not the other way round", async () => {
    await create("new.edu", { role: "EDU_OFFICER", scopeKind: "REGION" });
    await create("new.medic", { role: "SCHOOL_MEDIC", scopeKind: "ORGANISATION", organisationId: db.seeded.organisationIds.school1! });
    const edu = await requestOf("new.edu");
    const medic = await requestOf("new.medic");
    const health = await callerAs(db.prisma, "health.officer");
    const ministry = await callerAs(db.prisma, "edu.officer");
    await expect(health.health.approvals.approveAccount({ id: edu.id })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("Министерства образования") });
    await expect(ministry.ministry.approvals.approveAccount({ id: medic.id })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("Министерства здравоохранения") });
    expect((await health.health.approvals.accounts()).map((r) => r.user.login)).toEqual(["new.medic"]);
    expect((await ministry.ministry.approvals.accounts()).map((r) => r.user.login).sort()).toEqual(["new.auditor", "new.edu"]);
    expect(await db.prisma.user.findUniqueOrThrow({ where: { login: "new.edu" } })).toMatchObject({ approvedAt: null });
    await health.health.approvals.approveAccount({ id: medic.id });
    expect((await signIn(db.prisma, { login: "new.medic", password: PASSWORD }, null)).ok).toBe(true);
  });

  it("SYSTEM_ADMIN, AUDITOR and school roles cannot approve; a municipal officer neither; nor the requester or the account itself", async () => {
    const request = await requestOf("new.edu");
    for (const login of ["sys.admin", "auditor", "school.admin", "school.registrar", "school.medic"]) {
      const caller = await callerAs(db.prisma, login);
      await expect(caller.ministry.approvals.approveAccount({ id: request.id }), login).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.health.approvals.approveAccount({ id: request.id }), login).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.ministry.approvals.accounts(), login).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    // A municipality-level EDU_OFFICER (itself approved) holds the capability but not the region.
    await create("edu.municipal", { role: "EDU_OFFICER", scopeKind: "MUNICIPALITY", municipalityId: db.seeded.municipalityIds.sosnovka! });
    await approvePendingAccount(db.prisma, "edu.municipal");
    const municipal = await callerAs(db.prisma, "edu.municipal");
    await expect(municipal.ministry.approvals.approveAccount({ id: request.id })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("регионального уровня") });
    await expect(municipal.ministry.approvals.accounts()).rejects.toMatchObject({ code: "FORBIDDEN" });

    // The requester: a request row opened by edu.officer itself.
    const target = await db.prisma.user.findUniqueOrThrow({ where: { login: "new.sysadmin" } });
    const edu = await db.prisma.user.findUniqueOrThrow({ where: { login: "edu.officer" } });
    const own = await db.prisma.accountRequest.create({ data: { userId: target.id, regionId: db.seeded.regionId, kind: "CHANGE", role: "SCHOOL_ADMIN", scopeKind: "ORGANISATION", organisationId: db.seeded.organisationIds.school1!, requestedById: edu.id } });
    await expect((await callerAs(db.prisma, "edu.officer")).ministry.approvals.approveAccount({ id: own.id })).rejects.toMatchObject({ code: "FORBIDDEN", message: SELF_APPROVAL_MESSAGE });
    await db.prisma.accountRequest.update({ where: { id: own.id }, data: { status: "SUPERSEDED", decidedAt: new Date(), decidedById: edu.id } });

    // The account itself: a change of edu.officer's own scope, requested by the admin.
    await admin.admin.users.update({ id: edu.id, fullName: edu.fullName, role: "EDU_OFFICER", scopeKind: "MUNICIPALITY", municipalityId: db.seeded.municipalityIds.sosnovka!, organisationId: null });
    const aboutSelf = await requestOf("edu.officer");
    await expect((await callerAs(db.prisma, "edu.officer")).ministry.approvals.approveAccount({ id: aboutSelf.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await (await callerAs(db.prisma, "edu.officer")).ministry.approvals.rejectAccount({ id: (await requestOf("new.edu")).id });
    expect(await db.prisma.user.findUniqueOrThrow({ where: { login: "edu.officer" } })).toMatchObject({ scopeKind: "REGION" });
    expect(await db.prisma.user.findUniqueOrThrow({ where: { login: "new.edu" } })).toMatchObject({ active: false, approvedAt: null });
    expect((await signIn(db.prisma, { login: "new.edu", password: PASSWORD }, null)).ok).toBe(false);
  });

  it("a request of another region is NOT_FOUND", async () => {
    const region = await db.prisma.region.create({ data: { code: "97", name: "Другая область" } });
    const target = await db.prisma.user.findUniqueOrThrow({ where: { login: "new.sysadmin" } });
    const sys = await db.prisma.user.findUniqueOrThrow({ where: { login: "sys.admin" } });
    const foreign = await db.prisma.accountRequest.create({ data: { userId: target.id, regionId: region.id, kind: "CHANGE", role: "EDU_OFFICER", scopeKind: "REGION", requestedById: sys.id } });
    await expect((await callerAs(db.prisma, "edu.officer")).ministry.approvals.approveAccount({ id: foreign.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("widening a scope takes effect only on approval, and then ends the account's sessions", async () => {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { login: "edu.municipal" } });
    const session = await callerAs(db.prisma, "edu.municipal");
    expect(await session.ministry.organisationsByMunicipality()).toHaveLength(1);
    const updated = await admin.admin.users.update({ id: user.id, fullName: user.fullName, role: "EDU_OFFICER", scopeKind: "REGION", municipalityId: null, organisationId: null });
    expect(updated).toMatchObject({ scopeKind: "MUNICIPALITY", pendingRequest: { kind: "CHANGE", scopeKind: "REGION" } });
    // Still one municipality, same session: nothing changed yet.
    expect(await session.ministry.organisationsByMunicipality()).toHaveLength(1);
    expect((await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "user.update", entityId: user.id }, orderBy: { id: "desc" } })).details).toMatchObject({ awaitingApproval: ["scopeKind", "municipalityId"] });

    await approvePendingAccount(db.prisma, "edu.municipal");
    await expect(session.ministry.organisationsByMunicipality()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await (await callerAs(db.prisma, "edu.municipal")).ministry.organisationsByMunicipality()).toHaveLength(3);
  });

  it("a move to a role without data applies at once and supersedes the waiting request", async () => {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { login: "new.registrar" } });
    const base = { id: user.id, fullName: user.fullName, organisationId: null, municipalityId: null };
    await admin.admin.users.update({ ...base, role: "EDU_OFFICER", scopeKind: "REGION" });
    const waiting = await requestOf("new.registrar");
    const session = await callerAs(db.prisma, "new.registrar");
    const narrowed = await admin.admin.users.update({ ...base, role: "SYSTEM_ADMIN", scopeKind: "REGION" });
    expect(narrowed).toMatchObject({ role: "SYSTEM_ADMIN", pendingRequest: null });
    expect((await db.prisma.accountRequest.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("SUPERSEDED");
    await expect(session.session.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect((await callerAs(db.prisma, "edu.officer")).ministry.approvals.approveAccount({ id: waiting.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("SYSTEM_ADMIN");
  });

  it("the admin's list shows what waits for approval", async () => {
    const page = await admin.admin.users.list({ search: "new." });
    const byLogin = Object.fromEntries(page.rows.map((r) => [r.login, r]));
    expect(byLogin["new.edu"]).toMatchObject({ approvedAt: null, pendingRequest: null, active: false });
    expect(byLogin["new.medic"]).toMatchObject({ pendingRequest: null });
    expect(byLogin["new.medic"]!.approvedAt).toBeInstanceOf(Date);
    await create("new.waiting", { role: "HEALTH_OFFICER", scopeKind: "REGION" });
    const again = await admin.admin.users.list({ search: "new.waiting" });
    expect(again.rows[0]).toMatchObject({ approvedAt: null, pendingRequest: { kind: "CREATE", role: "HEALTH_OFFICER" } });
  });

  it("a new password set by the administrator for a data account waits for a second person; for an account without data it does not", async () => {
    const user = await create("reset.target", { role: "SCHOOL_REGISTRAR", scopeKind: "ORGANISATION", organisationId: db.seeded.organisationIds.school1! });
    await approvePendingAccount(db.prisma, "reset.target");
    const session = await callerAs(db.prisma, "reset.target");
    await expect(session.session.me()).resolves.toMatchObject({ login: "reset.target" });
    const chosen = "Admin-chose-this-password-9";
    const base = { id: user.id, fullName: user.fullName, role: "SCHOOL_REGISTRAR" as const, scopeKind: "ORGANISATION" as const, organisationId: db.seeded.organisationIds.school1!, municipalityId: null };
    const updated = await admin.admin.users.update({ ...base, newPassword: chosen });
    expect(updated).toMatchObject({ approvedAt: null, pendingRequest: { kind: "RESET", role: "SCHOOL_REGISTRAR" } });
    // The administrator knows the password but cannot use it, and the old session has ended.
    expect(await signIn(db.prisma, { login: "reset.target", password: chosen }, null)).toEqual({ ok: false, error: "invalid_credentials" });
    await expect(session.session.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect((await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "user.update", entityId: user.id }, orderBy: { id: "desc" } })).details).toMatchObject({ awaitingApproval: ["password"] });
    await approvePendingAccount(db.prisma, "reset.target");
    expect((await signIn(db.prisma, { login: "reset.target", password: chosen }, null)).ok).toBe(true);

    // An account without learner data (SYSTEM_ADMIN) takes a new password at once.
    const plain = await create("plain.sysadmin", { role: "SYSTEM_ADMIN", scopeKind: "REGION" });
    const again = await admin.admin.users.update({ id: plain.id, fullName: plain.fullName, role: "SYSTEM_ADMIN", scopeKind: "REGION", organisationId: null, municipalityId: null, newPassword: chosen });
    expect(again).toMatchObject({ pendingRequest: null });
    expect(again.approvedAt).toBeInstanceOf(Date);
  });
});
