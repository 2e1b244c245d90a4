// Account management by SYSTEM_ADMIN: validation with field errors, scope
// checks, conflicts, and an audit row per change in the same transaction.
import { afterAll, beforeAll, expect, it } from "vitest";
import { approvePendingAccount } from "../../testing/approvals";
import { callerAs } from "../../testing/callers";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";

describeDb("admin.users", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let admin: Awaited<ReturnType<typeof callerAs>>;
  beforeAll(async () => {
    db = await createSeededTestDatabase();
    admin = await callerAs(db.prisma, "sys.admin");
  });
  afterAll(() => db?.close());

  const base = { fullName: "Тестов Тест Тестович", password: "Long-enough-password-1" };

  it("creates a school account, hashes the password, and audits it", async () => {
    const user = await admin.admin.users.create({ ...base, login: "New.Registrar", role: "SCHOOL_REGISTRAR", scopeKind: "ORGANISATION", organisationId: db.seeded.organisationIds.gymn2 });
    expect(user).toMatchObject({ login: "new.registrar", role: "SCHOOL_REGISTRAR", active: true, organisation: { id: db.seeded.organisationIds.gymn2 } });
    expect(user).not.toHaveProperty("passwordHash");
    const row = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "user.create" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ entityId: user.id, actorLogin: "sys.admin", details: { login: "new.registrar", role: "SCHOOL_REGISTRAR" } });
  });

  it("answers BAD_REQUEST with the field for invalid input", async () => {
    const bad = admin.admin.users.create({ ...base, login: "x", password: "short", role: "SCHOOL_ADMIN", scopeKind: "ORGANISATION", organisationId: db.seeded.organisationIds.school1 });
    await expect(bad).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const error = await bad.catch((e) => e);
    const issues = error.cause.issues.map((i: { path: string[] }) => i.path[0]);
    expect(issues).toEqual(expect.arrayContaining(["login", "password"]));
  });

  it("refuses a scope that the role may not have, naming the field", async () => {
    await expect(
      admin.admin.users.create({ ...base, login: "medic.region", role: "SCHOOL_MEDIC", scopeKind: "REGION" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "scopeKind" } });
    await expect(
      admin.admin.users.create({ ...base, login: "medic.noorg", role: "SCHOOL_MEDIC", scopeKind: "ORGANISATION", organisationId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "organisationId" } });
    expect(await db.prisma.user.count({ where: { login: { in: ["medic.region", "medic.noorg"] } } })).toBe(0);
  });

  it("answers CONFLICT on the login field for a taken login, and writes nothing", async () => {
    const audits = await db.prisma.auditEvent.count();
    await expect(
      admin.admin.users.create({ ...base, login: "school.admin", role: "AUDITOR", scopeKind: "REGION" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "Такой логин уже занят", cause: { field: "login" } });
    expect(await db.prisma.auditEvent.count()).toBe(audits);
  });

  it("updates an account, records the changed field names, and ends its sessions on a role change", async () => {
    await approvePendingAccount(db.prisma, "new.registrar"); // two-person rule: a second person lets it in
    const target = await db.prisma.user.findUniqueOrThrow({ where: { login: "new.registrar" } });
    const session = await callerAs(db.prisma, "new.registrar");
    await expect(session.session.me()).resolves.toMatchObject({ login: "new.registrar" });
    const updated = await admin.admin.users.update({ id: target.id, fullName: "Тестов Тест Иванович", role: "SCHOOL_ADMIN", scopeKind: "ORGANISATION", organisationId: db.seeded.organisationIds.gymn2, municipalityId: null, newPassword: "" });
    // The role change waits for the second person; approving it applies it.
    expect(updated.pendingRequest).toMatchObject({ kind: "CHANGE", role: "SCHOOL_ADMIN" });
    await approvePendingAccount(db.prisma, "new.registrar");
    const after = await db.prisma.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(after.role).toBe("SCHOOL_ADMIN");
    await expect(session.session.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await db.prisma.userSession.count({ where: { userId: target.id, revokedAt: null } })).toBe(0);
    expect(after.passwordHash).toBe(target.passwordHash);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "user.update" }, orderBy: { id: "desc" } });
    expect((audit.details as { changed: string[] }).changed.sort()).toEqual(["fullName", "role"]);
  });

  it("answers NOT_FOUND for an unknown account and refuses to disable itself", async () => {
    await expect(admin.admin.users.setActive({ id: "00000000-0000-4000-8000-000000000000", active: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const self = await db.prisma.user.findUniqueOrThrow({ where: { login: "sys.admin" } });
    await expect(admin.admin.users.setActive({ id: self.id, active: false })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("lists with filters and pagination, never exposing password hashes", async () => {
    const page = await admin.admin.users.list({ role: "SCHOOL_MEDIC" });
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({ login: "school.medic", organisation: { shortName: "МБОУ СОШ № 1" } });
    expect(JSON.stringify(page)).not.toContain("argon2");
    const paged = await admin.admin.users.list({ pageSize: 3, page: 1 });
    expect(paged.rows).toHaveLength(3);
    expect(paged.total).toBeGreaterThanOrEqual(8);
  });
});
