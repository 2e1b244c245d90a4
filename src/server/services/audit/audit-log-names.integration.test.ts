// The audit log in words on a real database: objects carry the learner's or
// the account's name with the access report the auditor may open; showing a
// learner's name is recorded like a list read (the auditor's look appears in
// «who accessed this learner»); the period's days are read in the region's
// zone; an action outside the catalogue is a BAD_REQUEST on its field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../../audit/recorder";
import { callerAs } from "../../testing/callers";
import { learnerInput, uniqueSnils } from "../../testing/learner-fixtures";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";

describeDb("audit log with names", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let learnerId: string;

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    const registrar = await callerAs(db.prisma, "school.registrar");
    learnerId = (await registrar.learners.create(learnerInput({ learner: { lastName: "Именная", firstName: "Вера", birthDate: "2013-02-03", snils: uniqueSnils(), sex: "FEMALE" } }))).id;
    const head = await callerAs(db.prisma, "school.admin");
    await head.learners.card({ id: learnerId });
  });
  afterAll(() => db?.close());

  it("names a learner object and links it to «who accessed this learner», and records that it named the learner", async () => {
    const auditor = await callerAs(db.prisma, "auditor");
    const page = await auditor.admin.audit.list({ action: "learner.card.read", page: 0, pageSize: 50 });
    const row = page.rows.find((r) => r.entityId === learnerId);
    expect(row?.object).toEqual({ type: "Learner", id: learnerId, name: expect.stringMatching(/^Именная Вера/), link: "learnerAccess", login: null });

    const read = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "audit.log.read" }, orderBy: { id: "desc" } });
    const named = await db.prisma.auditEventLearner.findMany({ where: { eventId: read.id } });
    expect(named.map((l) => l.learnerId)).toContain(learnerId);
    const access = await auditor.admin.accessReports.learnerAccess({ learnerId, page: 0, pageSize: 50 });
    expect(access.rows.map((r) => r.action)).toContain("audit.log.read");
  });

  it("names the organisations its details mention and never shows a bare id in full", async () => {
    const school4 = db.seeded.organisationIds.school4!;
    const admin = await db.prisma.user.findUniqueOrThrow({ where: { login: "school.admin" } });
    const otherId = "0b6f8c1e-7f51-4a43-9d8e-3c1c2d1e0f00";
    await db.prisma.$transaction((tx) =>
      recordAudit(tx, { id: admin.id, login: admin.login, role: admin.role, ip: null }, { action: "movement.transfer.start", entityType: "Learner", entityId: learnerId, details: { transferId: otherId, toOrganisationId: school4 } }),
    );
    const auditor = await callerAs(db.prisma, "auditor");
    const page = await auditor.admin.audit.list({ action: "movement.transfer.start", page: 0, pageSize: 10 });
    expect(page.rows[0]?.detailNames).toEqual({ [school4]: "МБОУ СОШ № 4" });
    expect(page.rows[0]?.detailNames[otherId]).toBeUndefined();
  });

  it("names an account object with its login for «what this account read»", async () => {
    const auditor = await callerAs(db.prisma, "auditor");
    await auditor.admin.accessReports.accountReads({ login: "school.admin", page: 0, pageSize: 10 });
    const page = await auditor.admin.audit.list({ action: "audit.report.accountReads.read", page: 0, pageSize: 10 });
    expect(page.rows[0]?.object).toMatchObject({ type: "User", link: "accountReads", login: "school.admin", name: expect.stringContaining("(school.admin)") });
  });

  it("reads the period's days in the region's zone", async () => {
    const auditor = await callerAs(db.prisma, "auditor");
    const newest = await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    // The Moscow calendar day of the newest row: a filter on that day finds it, the day before does not.
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" }).format(newest.at);
    const before = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const onDay = await auditor.admin.audit.list({ from: day, to: day, page: 0, pageSize: 200 });
    expect(onDay.rows.map((r) => r.id)).toContain(newest.id.toString());
    const dayBefore = await auditor.admin.audit.list({ from: before, to: before, page: 0, pageSize: 200 });
    expect(dayBefore.rows.map((r) => r.id)).not.toContain(newest.id.toString());
  });

  it("refuses an action code outside the catalogue on its field", async () => {
    const auditor = await callerAs(db.prisma, "auditor");
    await expect(auditor.admin.audit.list({ action: "learner.card.steal", page: 0, pageSize: 10 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("gives names to the auditor only", async () => {
    for (const login of ["sys.admin", "school.admin", "edu.officer"] as const) {
      const caller = await callerAs(db.prisma, login);
      await expect(caller.admin.audit.list({ page: 0, pageSize: 10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
