// The portfolio per demo role on a real database: who reads and writes, the
// exact shape of `get`, validation, certificate numbers, grade history, audit.
import { afterAll, beforeAll, expect, it } from "vitest";
import { callerAs } from "../../testing/callers";
import { learnerInput } from "../../testing/learner-fixtures";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { subjectIds } from "../../testing/subjects";

const year = new Date().getUTCFullYear() - 1;

describeDb("learner portfolio", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let subjects: Record<string, string> = {};
  let learnerId: string;
  let otherLearnerId: string;
  beforeAll(async () => {
    db = await createSeededTestDatabase();
    subjects = await subjectIds(db.prisma);
    learnerId = (await (await callerAs(db.prisma, "school.registrar")).learners.create(learnerInput())).id;
    otherLearnerId = (await (await callerAs(db.prisma, "school.registrar")).learners.create(learnerInput({ learner: { firstName: "Олег" } }))).id;
  });
  afterAll(() => db?.close());

  it("lists the vocabulary's active subjects to the roles that write portfolios, and to nobody else", async () => {
    const choices = await (await callerAs(db.prisma, "school.registrar")).learners.portfolio.subjects();
    expect(choices.map((c) => c.name)).toContain("Математика");
    expect(choices.every((c) => c.id && c.code)).toBe(true);
    await expect((await callerAs(db.prisma, "school.medic")).learners.portfolio.subjects()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  const achievement = (id: string) => ({
    learnerId: id,
    kind: "Олимпиада",
    title: "Региональный этап ВсОШ по математике",
    organiser: "Минобразования области",
    level: "REGIONAL" as const,
    result: "PRIZE_WINNER" as const,
    date: `${year}-02-10`,
  });

  it("lets the holding school's admin and registrar write, and audits with the learner id", async () => {
    for (const login of ["school.admin", "school.registrar"]) {
      const caller = await callerAs(db.prisma, login);
      const { id } = await caller.learners.portfolio.addAchievement(achievement(learnerId));
      const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "learner.portfolio.write", actorLogin: login }, orderBy: { id: "desc" } });
      expect(audit).toMatchObject({ entityType: "Learner", entityId: learnerId, details: { kind: "achievement", id } });
    }
  });

  it("answers each demo role: read, FORBIDDEN, or NOT_FOUND outside its scope", async () => {
    const expectations: Record<string, { read: "ok" | "FORBIDDEN" | "NOT_FOUND"; write: "ok" | "FORBIDDEN" | "NOT_FOUND" }> = {
      "school.admin": { read: "ok", write: "ok" },
      "school.registrar": { read: "ok", write: "ok" },
      "school.medic": { read: "FORBIDDEN", write: "FORBIDDEN" },
      "school2.admin": { read: "NOT_FOUND", write: "NOT_FOUND" },
      "edu.officer": { read: "ok", write: "FORBIDDEN" },
      "health.officer": { read: "FORBIDDEN", write: "FORBIDDEN" },
      "sys.admin": { read: "FORBIDDEN", write: "FORBIDDEN" },
      auditor: { read: "FORBIDDEN", write: "FORBIDDEN" },
    };
    for (const [login, expected] of Object.entries(expectations)) {
      const caller = await callerAs(db.prisma, login);
      const read = () => caller.learners.portfolio.get({ learnerId });
      const write = () => caller.learners.portfolio.addExam({ learnerId, kind: "EGE", subjectId: subjects.PHYSICS!, year, testScore: 70 });
      if (expected.read === "ok") {
        expect((await read()).achievements.length, login).toBeGreaterThanOrEqual(2);
        const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "learner.portfolio.read", actorLogin: login }, orderBy: { id: "desc" } });
        expect(audit.entityId, login).toBe(learnerId);
      } else await expect(read(), login).rejects.toMatchObject({ code: expected.read });
      if (expected.write === "ok") await expect(write(), login).resolves.toHaveProperty("id");
      else await expect(write(), login).rejects.toMatchObject({ code: expected.write });
    }
  });

  it("returns exactly the four lists, with only the view's columns", async () => {
    const registrar = await callerAs(db.prisma, "school.registrar");
    await registrar.learners.portfolio.addGrade({ learnerId, academicYear: year, subjectId: subjects.MUSIC!, period: "год", credit: true });
    await registrar.learners.portfolio.setCertificate({ learnerId, level: "BASIC_GENERAL", number: "0001234567", issuedAt: `${year}-06-28`, withHonours: true });
    const p = await (await callerAs(db.prisma, "edu.officer")).learners.portfolio.get({ learnerId });
    expect(Object.keys(p).sort()).toEqual(["achievements", "certificates", "exams", "grades"]);
    expect(Object.keys(p.achievements[0]!).sort()).toEqual(["date", "id", "kind", "level", "organiser", "result", "title"]);
    expect(Object.keys(p.exams[0]!).sort()).toEqual(["id", "kind", "mark", "primaryScore", "subject", "testScore", "year"]);
    expect(Object.keys(p.grades[0]!).sort()).toEqual(["academicYear", "createdAt", "credit", "id", "mark", "period", "subject", "superseded", "supersedesId"]);
    expect(p.certificates).toEqual([
      {
        id: expect.any(String),
        level: "BASIC_GENERAL",
        number: "0001234567",
        series: null,
        registrationNumber: null,
        issuedAt: new Date(`${year}-06-28T00:00:00Z`),
        withHonours: true,
        duplicate: false,
        state: "ACTIVE",
        originalSeries: null,
        originalNumber: null,
        originalRegistrationNumber: null,
        originalIssuedAt: null,
      },
    ]);
  });

  it("refuses a subject outside the vocabulary on its field, writing nothing", async () => {
    const registrar = await callerAs(db.prisma, "school.registrar");
    const unknown = "00000000-0000-4000-8000-000000000000";
    const before = await db.prisma.subjectGrade.count({ where: { learnerId } });
    await expect(registrar.learners.portfolio.addGrade({ learnerId, academicYear: year, subjectId: unknown, period: "год", mark: 4 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(registrar.learners.portfolio.addExam({ learnerId, kind: "EGE", subjectId: unknown, year, testScore: 70 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.prisma.subjectGrade.count({ where: { learnerId } })).toBe(before);
    // What the form offers: the vocabulary's active subjects.
    expect((await registrar.learners.portfolio.subjects()).map((s) => s.code)).toEqual(expect.arrayContaining(["RUSSIAN", "MATH", "ALGEBRA"]));
  });

  it("refuses invalid scores with Russian messages on the right field", async () => {
    const registrar = await callerAs(db.prisma, "school.registrar");
    const fieldOf = async (p: Promise<unknown>) => {
      const error = (await p.catch((e: unknown) => e)) as { code: string; cause: { issues: { path: string[]; message: string }[] } };
      expect(error.code).toBe("BAD_REQUEST");
      return Object.fromEntries(error.cause.issues.map((i: { path: string[]; message: string }) => [i.path.join("."), i.message]));
    };
    expect(await fieldOf(registrar.learners.portfolio.addExam({ learnerId, kind: "EGE", subjectId: subjects.PHYSICS!, year, testScore: 101 }))).toEqual({
      testScore: "Тестовый балл от 0 до 100",
    });
    expect(await fieldOf(registrar.learners.portfolio.addExam({ learnerId, kind: "OGE", subjectId: subjects.MATH!, year, primaryScore: 20, mark: 6 }))).toEqual({
      mark: "Отметка от 2 до 5",
    });
    expect(await fieldOf(registrar.learners.portfolio.addGrade({ learnerId, academicYear: year, subjectId: subjects.PHYSICS!, period: "5 четверть" as "год", mark: 5 }))).toEqual({
      period: "Выберите период",
    });
  });

  it("keeps certificate numbers unique per level and one certificate per level per learner", async () => {
    const registrar = await callerAs(db.prisma, "school.registrar");
    const cert = { level: "SECONDARY_GENERAL" as const, number: "7700000001", issuedAt: `${year}-06-30`, withHonours: false };
    const first = await registrar.learners.portfolio.setCertificate({ learnerId, ...cert });
    await expect(registrar.learners.portfolio.setCertificate({ learnerId: otherLearnerId, ...cert })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { field: "number" },
    });
    // Same number at another level is another certificate.
    await expect(registrar.learners.portfolio.setCertificate({ learnerId: otherLearnerId, ...cert, level: "BASIC_GENERAL" })).resolves.toHaveProperty("id");
    const again = await registrar.learners.portfolio.setCertificate({
      learnerId,
      ...cert,
      number: "7700000002",
      withHonours: true,
      series: "АА",
      registrationNumber: "11-27",
      duplicate: true,
      state: "LOST",
      originalSeries: "АА",
      originalNumber: "7700000000",
      originalRegistrationNumber: "11-2",
      originalIssuedAt: `${year - 2}-06-30`,
    });
    expect(again.id).toBe(first.id);
    const p = await registrar.learners.portfolio.get({ learnerId });
    expect(p.certificates.find((c) => c.level === "SECONDARY_GENERAL")).toMatchObject({
      number: "7700000002",
      withHonours: true,
      series: "АА",
      registrationNumber: "11-27",
      duplicate: true,
      state: "LOST",
      originalSeries: "АА",
      originalNumber: "7700000000",
      originalRegistrationNumber: "11-2",
      originalIssuedAt: new Date(`${year - 2}-06-30T00:00:00Z`),
    });
    // Recording it again without the details clears them (a reissue replaces every detail).
    await registrar.learners.portfolio.setCertificate({ learnerId, ...cert, number: "7700000002" });
    expect((await registrar.learners.portfolio.get({ learnerId })).certificates.find((c) => c.level === "SECONDARY_GENERAL")).toMatchObject({
      series: null,
      registrationNumber: null,
      duplicate: false,
      state: "ACTIVE",
      originalNumber: null,
      originalIssuedAt: null,
    });
    await expect(registrar.learners.portfolio.setCertificate({ learnerId, ...cert, registrationNumber: "x".repeat(21) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("corrects a grade with a new row and keeps the old one as history", async () => {
    const registrar = await callerAs(db.prisma, "school.registrar");
    const g = { learnerId, academicYear: year, subjectId: subjects.ALGEBRA!, period: "1 четверть" as const };
    const { id: oldId } = await registrar.learners.portfolio.addGrade({ ...g, mark: 3 });
    await expect(registrar.learners.portfolio.addGrade({ ...g, mark: 4 })).rejects.toMatchObject({ code: "CONFLICT", cause: { field: "period" } });
    const { id: newId } = await registrar.learners.portfolio.correctGrade({ learnerId, gradeId: oldId, mark: 4 });
    await expect(registrar.learners.portfolio.correctGrade({ learnerId, gradeId: oldId, mark: 5 })).rejects.toMatchObject({ code: "CONFLICT" });
    const rows = (await registrar.learners.portfolio.get({ learnerId })).grades.filter((r) => r.subject === "Алгебра");
    expect(rows).toEqual([
      expect.objectContaining({ id: oldId, mark: 3, superseded: true, supersedesId: null }),
      expect.objectContaining({ id: newId, mark: 4, superseded: false, supersedesId: oldId, period: "1 четверть" }),
    ]);
    // The database itself refuses to rewrite history.
    await expect(db.prisma.subjectGrade.update({ where: { learnerId_id: { learnerId, id: oldId } }, data: { mark: 5 } })).rejects.toThrow();
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "learner.portfolio.write", entityId: learnerId }, orderBy: { id: "desc" } });
    expect(audit.details).toMatchObject({ kind: "gradeCorrection", id: newId, supersedesId: oldId });
    // Another school cannot correct it.
    await expect((await callerAs(db.prisma, "school2.admin")).learners.portfolio.correctGrade({ learnerId, gradeId: newId, mark: 5 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
