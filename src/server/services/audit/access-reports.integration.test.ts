// The auditor's access reports on a real database: list reads and exports
// record the learners they returned, "who accessed this learner" finds card
// reads and list appearances from every portal, "what did this account read"
// counts per learner, downloads are audited, and only the auditor gets in.
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionCookieName } from "../../auth/options";
import { serverEnv } from "../../env";
import { handleAccessReportExport } from "../../http/access-report-files";
import { verifyAuditChain } from "../../audit/verify";
import { sessionToken } from "@/server/testing/sessions";
import { callerAs } from "../../testing/callers";
import { learnerInput, uniqueSnils } from "../../testing/learner-fixtures";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";

const OTHERS = ["school.admin", "school.registrar", "school.medic", "edu.officer", "health.officer", "sys.admin"] as const;
const BASE = "http://localhost:3000/api/admin/access-reports";

describeDb("auditor's access reports", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let learnerId: string;
  const snils = uniqueSnils();
  const cookieOf = async (login: string) => {
    return `${sessionCookieName()}=${await sessionToken(db.prisma, login)}`;
  };
  const download = async (login: string, path: string) =>
    handleAccessReportExport(new NextRequest(`${BASE}/${path}`, { headers: { cookie: await cookieOf(login) } }), path.split("?")[0]!, db.prisma);

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    const registrar = await callerAs(db.prisma, "school.registrar");
    learnerId = (await registrar.learners.create(learnerInput({ learner: { lastName: "Прозрачная", firstName: "Анна", birthDate: "2014-05-06", snils, sex: "FEMALE" } }))).id;
    const head = await callerAs(db.prisma, "school.admin");
    await head.learners.card({ id: learnerId });
    await head.learners.health.get({ learnerId });
    await head.learners.list({ page: 0, pageSize: 200 });
    const officer = await callerAs(db.prisma, "edu.officer");
    await officer.learners.search({ query: snils });
  });
  afterAll(() => db?.close());

  it("records the learners a list page returned, with a digest the chain covers", async () => {
    const listRead = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "learner.list.read" }, orderBy: { id: "desc" } });
    const links = await db.prisma.auditEventLearner.findMany({ where: { eventId: listRead.id } });
    expect(links.map((l) => l.learnerId)).toContain(learnerId);
    expect(listRead.details).toMatchObject({ learnerSet: { count: links.length } });
    expect(await verifyAuditChain(db.prisma)).toMatchObject({ ok: true });
  });

  it("finds a learner only by exact SNILS or last name with birth date, and audits the lookup", async () => {
    const auditor = await callerAs(db.prisma, "auditor");
    await expect(auditor.admin.accessReports.lookupLearner({ snils })).resolves.toEqual([
      expect.objectContaining({ id: learnerId, fullName: expect.stringContaining("Прозрачная Анна") }),
    ]);
    await expect(auditor.admin.accessReports.lookupLearner({ lastName: "прозрачная", birthDate: "2014-05-06" })).resolves.toHaveLength(1);
    await expect(auditor.admin.accessReports.lookupLearner({ lastName: "Прозр", birthDate: "2014-05-06" })).resolves.toHaveLength(0);
    await expect(auditor.admin.accessReports.lookupLearner({ lastName: "Прозрачная" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.prisma.auditEvent.count({ where: { action: "audit.learner.lookup" } })).toBe(3);
  });

  it("lists who accessed the learner: card, health, list page, search, with stage", async () => {
    const auditor = await callerAs(db.prisma, "auditor");
    const report = await auditor.admin.accessReports.learnerAccess({ learnerId, page: 0, pageSize: 50 });
    const seen = report.rows.map((r) => `${r.login} ${r.action} ${r.stage ?? "-"} ${r.viaList ? "list" : "own"}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        "school.registrar learner.create personal own",
        "school.admin learner.card.read personal own",
        "school.admin learner.health.read health own",
        "school.admin learner.list.read personal list",
        "edu.officer learner.search personal list",
      ]),
    );
    expect(report.rows.find((r) => r.action === "learner.card.read")).toMatchObject({ fullName: expect.any(String), role: "SCHOOL_ADMIN" });
    const paged = await auditor.admin.accessReports.learnerAccess({ learnerId, page: 1, pageSize: 2 });
    expect(paged.total).toBeGreaterThan(report.total - 1);
    expect(paged.rows).toHaveLength(2);
    await expect(auditor.admin.accessReports.learnerAccess({ learnerId: crypto.randomUUID(), page: 0, pageSize: 50 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists what an account read, per event and per learner", async () => {
    const auditor = await callerAs(db.prisma, "auditor");
    const events = await auditor.admin.accessReports.accountReads({ login: "school.admin", view: "events", page: 0, pageSize: 200 });
    expect(events.account.login).toBe("school.admin");
    const mine = events.events.filter((e) => e.learnerId === learnerId).map((e) => e.action).sort();
    expect(mine).toEqual(["learner.card.read", "learner.health.read", "learner.list.read"]);
    const byLearner = await auditor.admin.accessReports.accountReads({ login: "school.admin", view: "learners", page: 0, pageSize: 200 });
    expect(byLearner.byLearner.find((r) => r.learnerId === learnerId)).toMatchObject({ reads: 3, learner: expect.stringContaining("Прозрачная") });
    expect(byLearner.learners).toBe(byLearner.byLearner.length);
    const empty = await auditor.admin.accessReports.accountReads({ login: "school.admin", from: "2001-01-01", to: "2001-01-02", page: 0, pageSize: 50 });
    expect(empty.total).toBe(0);
    await expect(auditor.admin.accessReports.accountReads({ login: "nobody", page: 0, pageSize: 50 })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Учётная запись с таким логином не найдена",
    });
  });

  it("exports both reports as XLSX and CSV, each download audited", async () => {
    const before = await db.prisma.auditEvent.count({ where: { action: "audit.report.export" } });
    const xlsx = await download("auditor", `learner-access?learnerId=${learnerId}&format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    const csv = await download("auditor", `account-reads?login=school.admin&format=csv`);
    expect(csv.status).toBe(200);
    const text = await csv.text();
    // Actions in words from the label catalogue, not codes.
    expect(text).toContain("Просмотр карточки обучающегося");
    expect(text).not.toContain("learner.card.read");
    expect(text).toContain("Прозрачная");
    const audited = await db.prisma.auditEvent.findMany({ where: { action: "audit.report.export" }, orderBy: { id: "asc" } });
    expect(audited).toHaveLength(before + 2);
    expect(audited.at(-1)!.details).toMatchObject({ report: "account-reads", format: "csv", rows: expect.any(Number) });
    expect((await download("auditor", `account-reads?login=&format=csv`)).status).toBe(400);
  });

  describe("access", () => {
    for (const login of OTHERS) {
      it(`${login} is refused every report and download`, async () => {
        const caller = await callerAs(db.prisma, login);
        await expect(caller.admin.accessReports.lookupLearner({ snils })).rejects.toMatchObject({ code: "FORBIDDEN" });
        await expect(caller.admin.accessReports.learnerAccess({ learnerId, page: 0, pageSize: 50 })).rejects.toMatchObject({ code: "FORBIDDEN" });
        await expect(caller.admin.accessReports.accountReads({ login: "school.admin", page: 0, pageSize: 50 })).rejects.toMatchObject({ code: "FORBIDDEN" });
        expect((await download(login, `learner-access?learnerId=${learnerId}`)).status).toBe(403);
      });
    }
  });
});
