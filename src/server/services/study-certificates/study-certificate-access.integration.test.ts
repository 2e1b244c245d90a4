// Who may issue and read справки об обучении, and the register: per demo role
// (school staff reading portfolios may; the medic and every ministry or admin
// role are FORBIDDEN; another school gets NOT_FOUND), a former school only for
// the years the learner studied there, the same rules on the PDF and XLSX
// routes, and the register's XLSX read back against the register rows.
// (Holding / additional / former / cancelled per role: the attack suite.)
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { sessionCookieName } from "../../auth/options";
import { handleStudyCertificatePdf, handleStudyCertificateRegister } from "../../http/study-certificate-files";
import { callerAs } from "../../testing/callers";
import { learnerInput } from "../../testing/learner-fixtures";
import { sessionToken } from "../../testing/sessions";
import { subjectIdOf } from "../../testing/subjects";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";

vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
const BASE = "http://localhost:3000/api/school/study-certificates";
const order = (n: string, date: string) => ({ orderNumber: n, orderDate: date, effectiveDate: date });

describeDb("справка об обучении: access and register", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let learnerId: string;
  let certificateId: string;

  const get = async (login: string | null, url: string, handler: (req: NextRequest) => Promise<Response>) => {
    const headers = login ? { cookie: `${sessionCookieName()}=${await sessionToken(db.prisma, login)}` } : undefined;
    return handler(new NextRequest(url, { headers }));
  };
  const pdf = (login: string | null, id: string) => get(login, `${BASE}/${id}`, (req) => handleStudyCertificatePdf(req, id, db.prisma));
  const register = (login: string | null, query: string) => get(login, `${BASE}/register?${query}`, (req) => handleStudyCertificateRegister(req, db.prisma));

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    // СОШ № 1 teaches the learner from 01.09.2024 and transfers them to СОШ № 4 on 01.10.2026.
    const sender = await callerAs(db.prisma, "school.registrar");
    const input = learnerInput({ acknowledgeDuplicate: true, learner: { lastName: "Переводов", firstName: "Антон", birthDate: "2014-02-01" } });
    input.enrolment = { level: "BASIC", grade: 5, classLetter: "А", enrolledAt: "2024-09-01" } as typeof input.enrolment;
    learnerId = (await sender.learners.create(input)).id;
    await sender.learners.portfolio.addGrade({ learnerId, academicYear: 2025, subjectId: await subjectIdOf(db.prisma, "MATH"), period: "год", mark: 4 });
    const { transferId } = await sender.movement.transfers.start({ learnerId, toOrganisationId: db.seeded.organisationIds.school4!, order: order("П-1", "2026-10-01") });
    const receiver = await callerAs(db.prisma, "school2.admin");
    await receiver.movement.transfers.accept({ learnerId, transferId, placement: { level: "BASIC", grade: 5, classLetter: "В" }, order: order("П-2", "2026-10-01") });
  });
  afterAll(() => db?.close());

  it("lets the former school issue for the years the learner studied there, and only those", async () => {
    const former = await callerAs(db.prisma, "school.registrar");
    expect((await former.studyCertificates.forLearner({ learnerId })).years.map((y) => y.academicYear)).toEqual([2026, 2025, 2024]);
    expect((await former.studyCertificates.forLearner({ learnerId })).years.find((y) => y.academicYear === 2025)?.periods).toEqual(["год"]);
    const cert = await former.studyCertificates.issue({ learnerId, academicYear: 2025, period: "год" });
    certificateId = cert.id;
    await expect(former.studyCertificates.issue({ learnerId, academicYear: 2023 })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "academicYear" } });
    // The holding school since 01.10.2026: this academic year only, and none of the former school's marks.
    const holding = await callerAs(db.prisma, "school2.admin");
    const options = await holding.studyCertificates.forLearner({ learnerId });
    expect(options.years.at(-1)).toEqual({ academicYear: 2026, periods: [] });
    expect(options.issued).toEqual([]);
    await expect(holding.studyCertificates.issue({ learnerId, academicYear: 2025 })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "academicYear" } });
    const own = await holding.studyCertificates.issue({ learnerId, academicYear: 2026 });
    const text = await (await pdf("school2.admin", own.id)).arrayBuffer();
    expect(text.byteLength).toBeGreaterThan(1000);
  });

  it("answers each demo role: allowed, FORBIDDEN, or NOT_FOUND for another school", async () => {
    const expected: Record<string, "ok" | "FORBIDDEN" | "NOT_FOUND"> = {
      "school.admin": "ok",
      "school.registrar": "ok",
      "school.medic": "FORBIDDEN",
      "edu.officer": "FORBIDDEN",
      "health.officer": "FORBIDDEN",
      "sys.admin": "FORBIDDEN",
      auditor: "FORBIDDEN",
    };
    // A learner only СОШ № 1 ever had: СОШ № 4 has no relationship to them.
    const stranger = (await (await callerAs(db.prisma, "school.registrar")).learners.create(learnerInput())).id;
    expected["school2.admin"] = "NOT_FOUND";
    const registerInput = { from: "2026-01-01", to: "2026-12-31" };
    for (const [login, outcome] of Object.entries(expected)) {
      const caller = await callerAs(db.prisma, login);
      const calls = [() => caller.studyCertificates.forLearner({ learnerId: stranger }), () => caller.studyCertificates.issue({ learnerId: stranger, academicYear: 2025 })];
      for (const call of calls) {
        if (outcome === "ok") await expect(call(), login).resolves.toBeTruthy();
        else await expect(call(), login).rejects.toMatchObject({ code: outcome });
      }
      // The register is the caller's own school's: any school reader of portfolios, nobody else.
      const reg = caller.studyCertificates.register(registerInput);
      if (login.startsWith("school") && login !== "school.medic") await expect(reg, login).resolves.toBeInstanceOf(Array);
      else await expect(reg, login).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("applies the same rules to the PDF: another school's справка is 404, the medic and the ministry 403, signed out 401", async () => {
    expect((await pdf("school.admin", certificateId)).status).toBe(200);
    expect((await pdf("school2.admin", certificateId)).status).toBe(404);
    expect((await pdf("school.medic", certificateId)).status).toBe(403);
    expect((await pdf("edu.officer", certificateId)).status).toBe(403);
    expect((await pdf(null, certificateId)).status).toBe(401);
    expect((await pdf("school.admin", "not-a-uuid")).status).toBe(404);
  });

  it("exports the register as XLSX: the school's справки of the range, each as printed, audited with the learners", async () => {
    const res = await register("school.registrar", "from=2026-01-01&to=2026-12-31");
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1).map(String);
    expect(values(1)[0]).toBe("Журнал выданных справок об обучении за 01.01.2026 — 31.12.2026");
    expect(values(2)).toEqual(["№", "Дата выдачи", "Обучающийся", "Дата рождения", "Учебный год", "Период", "Выдал"]);
    const rows = await db.prisma.studyCertificate.findMany({ where: { organisationId: db.seeded.organisationIds.school1! }, orderBy: { number: "asc" } });
    expect(sheet.rowCount - 2).toBe(rows.length);
    const issuer = await db.prisma.user.findUniqueOrThrow({ where: { login: "school.registrar" } });
    const first = rows.find((r) => r.id === certificateId)!;
    expect(values(3)).toEqual([`${first.number}/${first.year}`, expect.stringMatching(/^\d\d\.\d\d\.2026$/), "Переводов Антон Сергеевич", "01.02.2014", "2025/26", "год", issuer.fullName]);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "studyCertificate.register.export" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorLogin: "school.registrar", entityType: "Organisation", details: expect.objectContaining({ count: rows.length, learnerSet: expect.objectContaining({ count: new Set(rows.map((r) => r.learnerId)).size }) }) });
    expect(await db.prisma.auditEventLearner.count({ where: { eventId: audit.id, learnerId } })).toBe(1);
    // Another school's register holds only its own справки.
    const other = await (await callerAs(db.prisma, "school2.admin")).studyCertificates.register({ from: "2026-01-01", to: "2026-12-31" });
    expect(other.map((r) => r.learner)).toEqual(["Переводов Антон Сергеевич"]);
    expect(other.every((r) => !rows.some((own) => own.id === r.id))).toBe(true);
  });

  it("refuses a wrong range with a Russian message and the ministry with 403, writing no audit row", async () => {
    const before = await db.prisma.auditEvent.count({ where: { action: "studyCertificate.register.export" } });
    const reversed = await register("school.admin", "from=2026-12-31&to=2026-01-01");
    expect(reversed.status).toBe(400);
    expect(await reversed.json()).toEqual({ error: "Начало периода позже конца" });
    expect((await register("edu.officer", "from=2026-01-01&to=2026-12-31")).status).toBe(403);
    expect((await register("school.medic", "from=2026-01-01&to=2026-12-31")).status).toBe(403);
    expect(await db.prisma.auditEvent.count({ where: { action: "studyCertificate.register.export" } })).toBe(before);
  });
});
