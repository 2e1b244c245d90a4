// Two-person rule for machine clients: a client registered by SYSTEM_ADMIN
// answers 401 (exactly like a forged token) until a region-level EDU_OFFICER
// other than its creator approves it; rotation keeps the approval, revocation
// and rejection are final; every step is audited; the auditor's list shows
// creator, approver and what the client read.
import { afterAll, beforeAll, expect, it } from "vitest";
import { getFederalChanges } from "../../http/api-v1/endpoints";
import { enrolLearner, classAt } from "../../testing/api-fixtures";
import { callApi, registerTestClient } from "../../testing/api-clients";
import { approvePendingAccount } from "../../testing/approvals";
import { callerAs } from "../../testing/callers";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { SELF_APPROVAL_MESSAGE } from "./approver";

describeDb("two-person rule: machine clients", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  beforeAll(async () => {
    db = await createSeededTestDatabase();
    // A municipality-level officer: holds the capability, not the region.
    const admin = await callerAs(db.prisma, "sys.admin");
    await admin.admin.users.create({ login: "edu.municipal", fullName: "Муниципальный Специалист Тестовый", password: "Long-enough-password-1", role: "EDU_OFFICER", scopeKind: "MUNICIPALITY", municipalityId: db.seeded.municipalityIds.sosnovka! });
    await approvePendingAccount(db.prisma, "edu.municipal");
  });
  afterAll(() => db?.close());

  const feed = (token: string) => callApi(db.prisma, getFederalChanges, { method: "get", path: "/federal/changes", token });
  const pending = () => registerTestClient(db.prisma, { kind: "FEDERAL_SEGMENT" }, { approve: false });
  const officer = () => callerAs(db.prisma, "edu.officer");

  it("a pending client's token answers 401 exactly like a forged one, and the attempt is audited against it", async () => {
    const { id, token } = await pending();
    const refused = await feed(token);
    const forged = await feed(`${token.slice(0, -4)}AAAA`);
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual(forged.body);
    expect(refused.headers.get("www-authenticate")).toBe(forged.headers.get("www-authenticate"));
    const denied = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "api.request.denied", machineClientId: id } });
    expect(denied.details).toMatchObject({ reason: "pending" });
    expect((await (await officer()).ministry.approvals.clients()).map((c) => c.id)).toContain(id);
  });

  it("only a region-level EDU_OFFICER may list, approve or reject; everyone else is FORBIDDEN", async () => {
    const { id, token } = await pending();
    for (const login of ["sys.admin", "auditor", "health.officer", "school.admin", "school.registrar", "school.medic", "edu.municipal"]) {
      const caller = await callerAs(db.prisma, login);
      await expect(caller.ministry.approvals.clients(), login).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.ministry.approvals.approveClient({ id }), login).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.ministry.approvals.rejectClient({ id }), login).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect((await callerAs(db.prisma, "edu.municipal")).ministry.approvals.approveClient({ id })).rejects.toMatchObject({ message: expect.stringContaining("регионального уровня") });
    expect((await db.prisma.machineClient.findUniqueOrThrow({ where: { id } })).approvalStatus).toBe("PENDING");
    expect((await feed(token)).status).toBe(401);
  });

  it("the creator cannot approve its own client, whatever its role", async () => {
    // An account that both registered and would approve (e.g. a future role holding both rights).
    const edu = await db.prisma.user.findUniqueOrThrow({ where: { login: "edu.officer" } });
    const own = await db.prisma.machineClient.create({ data: { name: "Свой клиент", kind: "PUBLIC_SERVICES", regionId: db.seeded.regionId, createdById: edu.id } });
    await expect((await officer()).ministry.approvals.approveClient({ id: own.id })).rejects.toMatchObject({ code: "FORBIDDEN", message: SELF_APPROVAL_MESSAGE });
    expect((await db.prisma.machineClient.findUniqueOrThrow({ where: { id: own.id } })).approvalStatus).toBe("PENDING");
  });

  it("a client of another region is NOT_FOUND", async () => {
    const region = await db.prisma.region.create({ data: { code: "98", name: "Другая область" } });
    const admin = await db.prisma.user.findUniqueOrThrow({ where: { login: "sys.admin" } });
    const other = await db.prisma.machineClient.create({ data: { name: "Чужой", kind: "FEDERAL_SEGMENT", regionId: region.id, createdById: admin.id } });
    await expect((await officer()).ministry.approvals.approveClient({ id: other.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await officer()).ministry.approvals.rejectClient({ id: other.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("approval makes the token work; rotation keeps it approved; revocation is final; each step is audited in order", async () => {
    const { id, token } = await pending();
    const approved = await (await officer()).ministry.approvals.approveClient({ id });
    expect(approved.approvalStatus).toBe("APPROVED");
    expect((await feed(token)).status).toBe(200);
    await expect((await officer()).ministry.approvals.approveClient({ id })).rejects.toMatchObject({ code: "CONFLICT" });

    const admin = await callerAs(db.prisma, "sys.admin");
    const rotated = await admin.admin.machineClients.rotateToken({ id });
    expect(rotated.client.approvalStatus).toBe("APPROVED");
    expect((await feed(token)).status).toBe(401);
    expect((await feed(rotated.token)).status).toBe(200);
    await admin.admin.machineClients.revoke({ id });
    expect((await feed(rotated.token)).status).toBe(401);
    await expect((await officer()).ministry.approvals.approveClient({ id })).rejects.toMatchObject({ code: "CONFLICT" });

    const trail = await db.prisma.auditEvent.findMany({ where: { entityType: "MachineClient", entityId: id, actorId: { not: null } }, orderBy: { id: "asc" } });
    expect(trail.map((e) => [e.action, e.actorLogin])).toEqual([
      ["apiClient.create", "sys.admin"],
      ["apiClient.approve", "edu.officer"],
      ["apiClient.token.rotate", "sys.admin"],
      ["apiClient.revoke", "sys.admin"],
    ]);
    expect(trail[0]!.details).toMatchObject({ approvalStatus: "PENDING" });
    expect(trail[2]!.details).toMatchObject({ approvalStatus: "APPROVED" });
  });

  it("rotating a pending client keeps it pending; rejection revokes it for good", async () => {
    const { id } = await pending();
    const admin = await callerAs(db.prisma, "sys.admin");
    const rotated = await admin.admin.machineClients.rotateToken({ id });
    expect(rotated.client.approvalStatus).toBe("PENDING");
    expect((await feed(rotated.token)).status).toBe(401);
    const rejected = await (await officer()).ministry.approvals.rejectClient({ id });
    expect(rejected.approvalStatus).toBe("REJECTED");
    const row = await db.prisma.machineClient.findUniqueOrThrow({ where: { id }, include: { tokens: true } });
    expect(row).toMatchObject({ active: false, approvalStatus: "REJECTED" });
    expect(row.tokens.every((t) => t.revokedAt !== null)).toBe(true);
    await expect((await officer()).ministry.approvals.approveClient({ id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(admin.admin.machineClients.rotateToken({ id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.prisma.auditEvent.count({ where: { action: "apiClient.reject", entityId: id, actorLogin: "edu.officer" } })).toBe(1);
    expect((await (await officer()).ministry.approvals.clients()).map((c) => c.id)).not.toContain(id);
  });

  it("the auditor sees every client with its creator, approver and what it read; nobody else does", async () => {
    await classAt(db.prisma, "school.admin");
    const learners = [await enrolLearner(db.prisma, "school.admin", "А", "Петров"), await enrolLearner(db.prisma, "school.admin", "А", "Сидоров")];
    const { id, token } = await registerTestClient(db.prisma, { kind: "FEDERAL_SEGMENT", name: "Федеральный сегмент (аудит)" });
    // Two reads of the same learners: two events, the learners counted once.
    const first = await feed(token);
    expect(first.body.changes.map((c: { learnerId: string }) => c.learnerId)).toEqual(expect.arrayContaining(learners.map((l) => l.id)));
    await feed(token);
    const waiting = await pending();
    await feed(waiting.token);

    const rows = await (await callerAs(db.prisma, "auditor")).admin.clientOversight.list();
    const read = rows.find((r) => r.id === id)!;
    expect(read).toMatchObject({
      approvalStatus: "APPROVED",
      createdBy: { login: "sys.admin" },
      approvedBy: { login: "edu.officer" },
      activity: { events: 2, denied: 0, learners: first.body.changes.length },
    });
    expect(read.approvedAt).toBeInstanceOf(Date);
    expect(read.activity.learners).toBeGreaterThanOrEqual(2);
    expect(rows.find((r) => r.id === waiting.id)).toMatchObject({ approvalStatus: "PENDING", approvedBy: null, approvedAt: null, activity: { events: 1, denied: 1, learners: 0 } });
    expect(rows.length).toBe(await db.prisma.machineClient.count({ where: { regionId: db.seeded.regionId } }));
    expect(await db.prisma.auditEvent.count({ where: { action: "audit.apiClients.read", actorLogin: "auditor" } })).toBe(1);
    for (const login of ["sys.admin", "edu.officer", "school.admin"]) {
      await expect((await callerAs(db.prisma, login)).admin.clientOversight.list(), login).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
