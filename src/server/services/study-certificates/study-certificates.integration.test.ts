// The справка об обучении on a real database: the PDF read back (learner,
// number, the period's current marks in the vocabulary's names), numbering per
// organisation and calendar year without gaps — also under concurrent issues,
// which interleave on PostgreSQL — a refused issue that takes no number, the
// re-print under the same number with the content as issued, and the audit rows.
import { NextRequest } from "next/server";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { sessionCookieName } from "../../auth/options";
import { handleStudyCertificatePdf } from "../../http/study-certificate-files";
import { callerAs } from "../../testing/callers";
import { learnerInput } from "../../testing/learner-fixtures";
import { sessionToken } from "../../testing/sessions";
import { subjectIds } from "../../testing/subjects";
import { createSeededTestDatabase, describeDb, testDatabaseKind } from "../../testing/test-db";

vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
const YEAR = 2025; // 2025/26: the learner (enrolled 01.09.2022) studied at СОШ № 1 all of it
const issueYear = () => Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow", year: "numeric" }).format(new Date()));

describeDb("справка об обучении: PDF, numbering, audit", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let subjects: Record<string, string>;
  let learnerId: string;
  let school1: string;
  let correctedId: string;

  const pdfText = async (login: string, id: string) => {
    const cookie = `${sessionCookieName()}=${await sessionToken(db.prisma, login)}`;
    const res = await handleStudyCertificatePdf(new NextRequest(`http://localhost:3000/api/school/study-certificates/${id}`, { headers: { cookie } }), id, db.prisma);
    expect(res.status, await res.clone().text().catch(() => "")).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    const text = (await extractText(await getDocumentProxy(new Uint8Array(await res.arrayBuffer())), { mergePages: true })).text;
    return text.replace(/\s+/g, " ");
  };
  const issued = (organisationId: string) => db.prisma.studyCertificate.findMany({ where: { organisationId }, orderBy: { number: "asc" } });

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    subjects = await subjectIds(db.prisma);
    school1 = db.seeded.organisationIds.school1!;
    const registrar = await callerAs(db.prisma, "school.registrar");
    learnerId = (await registrar.learners.create(learnerInput({ learner: { lastName: "Справкин", firstName: "Илья", middleName: "Петрович", birthDate: "2015-04-09" } }))).id;
    const grade = (subjectId: string, period: "год" | "1 четверть", value: { mark: number } | { credit: boolean }) =>
      registrar.learners.portfolio.addGrade({ learnerId, academicYear: YEAR, subjectId, period, ...value });
    await grade(subjects.MATH!, "год", { mark: 5 });
    await grade(subjects.MUSIC!, "год", { credit: true });
    await grade(subjects.RUSSIAN!, "1 четверть", { mark: 4 });
    // A corrected mark: only the correction is current.
    const { id: wrong } = await grade(subjects.ENGLISH!, "год", { mark: 2 });
    correctedId = (await registrar.learners.portfolio.correctGrade({ learnerId, gradeId: wrong, mark: 3 })).id;
    // Old free text no rule mapped (subjectId NULL): not a counted mark, not on the справка.
    const user = await db.prisma.user.findUniqueOrThrow({ where: { login: "school.registrar" } });
    await db.prisma.subjectGrade.create({ data: { learnerId, organisationId: school1, academicYear: YEAR, subject: "Черчение по-старому", period: "год", mark: 4, createdById: user.id } });
    // Another year's counter of the school: numbering starts again each calendar year.
    await db.prisma.studyCertificateCounter.create({ data: { organisationId: school1, year: issueYear() - 1, lastNumber: 41 } });
  });
  afterAll(() => db?.close());

  it("issues № 1 of the year; its PDF names the school, the learner, the class, the dates and the current marks", async () => {
    const cert = await (await callerAs(db.prisma, "school.registrar")).studyCertificates.issue({ learnerId, academicYear: YEAR, period: "год" });
    expect(cert).toMatchObject({ number: 1, year: issueYear(), academicYear: YEAR, period: "год" });
    const org = await db.prisma.organisation.findUniqueOrThrow({ where: { id: school1 } });
    const text = await pdfText("school.registrar", cert.id);
    expect(text).toContain("СПРАВКА ОБ ОБУЧЕНИИ");
    expect(text).toMatch(new RegExp(`№ 1 от \\d\\d\\.\\d\\d\\.${issueYear()}`));
    expect(text).toContain(org.fullName);
    expect(text).toContain(`ИНН ${org.inn}, ОГРН ${org.ogrn}`);
    expect(text).toContain("Справкин Илья Петрович");
    expect(text).toContain("09.04.2015");
    expect(text).toContain("с 01.09.2022 по настоящее время");
    expect(text).toContain("начальное общее образование");
    expect(text).toContain("Отметки за 2025/26 учебный год (год)");
    expect(text).toMatch(/Математика 5 \(отлично\)/);
    expect(text).toMatch(/Музыка зачтено/);
    // The correction, not the superseded «2»; the other period's mark and the unmapped text are not there.
    expect(text).toMatch(/Английский язык[^0-9]*3 \(удовлетворительно\)/);
    expect(text).not.toContain("неудовлетворительно");
    expect(text).not.toContain("Русский язык");
    expect(text).not.toContain("Черчение");
  });

  it("writes one audit row for the issue (the learner linked) and one read row per print", async () => {
    const [cert] = await issued(school1);
    const issues = await db.prisma.auditEvent.findMany({ where: { action: "studyCertificate.issue" } });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ actorLogin: "school.registrar", entityType: "Learner", entityId: learnerId, details: expect.objectContaining({ certificateId: cert!.id, number: 1, academicYear: YEAR }) });
    const prints = await db.prisma.auditEvent.count({ where: { action: "studyCertificate.print", entityId: learnerId } });
    await pdfText("school.admin", cert!.id);
    expect(await db.prisma.auditEvent.count({ where: { action: "studyCertificate.print", entityId: learnerId } })).toBe(prints + 1);
  });

  it("re-prints the same document under the same number after a mark is corrected", async () => {
    const [cert] = await issued(school1);
    await (await callerAs(db.prisma, "school.registrar")).learners.portfolio.correctGrade({ learnerId, gradeId: correctedId, mark: 5 });
    const text = await pdfText("school.registrar", cert!.id);
    expect(text).toMatch(/№ 1 от/);
    expect(text).toMatch(/Английский язык[^0-9]*3 \(удовлетворительно\)/);
    // A new справка shows the mark as it is now.
    const next = await (await callerAs(db.prisma, "school.admin")).studyCertificates.issue({ learnerId, academicYear: YEAR });
    expect(next.number).toBe(2);
    const now = await pdfText("school.admin", next.id);
    expect(now).toMatch(/Английский язык[^0-9]*5 \(отлично\)/);
    // Every period of the year as columns: «1 четверть» and «год».
    expect(now).toContain("Отметки за 2025/26 учебный год (все периоды)");
    expect(now).toMatch(/Русский язык 4 \(хорошо\)/);
  });

  it("refuses a year the learner did not study here on its field, taking no number and writing nothing", async () => {
    const registrar = await callerAs(db.prisma, "school.registrar");
    const before = { rows: await db.prisma.studyCertificate.count(), audit: await db.prisma.auditEvent.count({ where: { action: "studyCertificate.issue" } }) };
    await expect(registrar.studyCertificates.issue({ learnerId, academicYear: 2020 })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "academicYear" } });
    await expect(registrar.studyCertificates.issue({ learnerId, academicYear: 2031 })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "academicYear" } });
    await expect(registrar.studyCertificates.issue({ learnerId, academicYear: YEAR, period: "5 четверть" as "год" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.prisma.studyCertificate.count()).toBe(before.rows);
    expect(await db.prisma.auditEvent.count({ where: { action: "studyCertificate.issue" } })).toBe(before.audit);
    // The next issue takes the next number: the refusals left no gap.
    const next = await registrar.studyCertificates.issue({ learnerId, academicYear: YEAR });
    expect(next.number).toBe(3);
  });

  it("numbers per organisation: another school starts at 1, and the previous year's counter is untouched", async () => {
    const other = await callerAs(db.prisma, "school2.admin");
    const input = learnerInput();
    input.enrolment = { level: "BASIC", grade: 6, classLetter: "А", enrolledAt: "2024-09-01" } as typeof input.enrolment;
    const otherLearner = (await other.learners.create(input)).id;
    expect((await other.studyCertificates.issue({ learnerId: otherLearner, academicYear: YEAR })).number).toBe(1);
    const counters = await db.prisma.studyCertificateCounter.findMany({ where: { organisationId: school1 }, orderBy: { year: "asc" } });
    expect(counters.map((c) => [c.year, c.lastNumber])).toEqual([[issueYear() - 1, 41], [issueYear(), 3]]);
  });

  it("gives concurrent issues distinct consecutive numbers (PostgreSQL interleaves them)", async () => {
    const callers = await Promise.all(["school.registrar", "school.admin"].map((login) => callerAs(db.prisma, login)));
    const last = (await issued(school1)).at(-1)!.number;
    const parallel = testDatabaseKind === "postgres" ? 8 : 3;
    const results = await Promise.all(Array.from({ length: parallel }, (_, i) => callers[i % 2]!.studyCertificates.issue({ learnerId, academicYear: YEAR })));
    expect(results.map((r) => r.number).sort((a, b) => a - b)).toEqual(Array.from({ length: parallel }, (_, i) => last + 1 + i));
    // The register holds exactly 1..n, no gap, no duplicate, and the counter agrees.
    const numbers = (await issued(school1)).map((c) => c.number);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    const counter = await db.prisma.studyCertificateCounter.findUniqueOrThrow({ where: { organisationId_year: { organisationId: school1, year: issueYear() } } });
    expect(counter.lastNumber).toBe(numbers.length);
    expect(await db.prisma.auditEvent.count({ where: { action: "studyCertificate.issue", entityId: learnerId } })).toBe(numbers.length);
  });
});
