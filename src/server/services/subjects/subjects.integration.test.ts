// The subjects vocabulary (issue 21): the migration's mapping of old free
// text, the ministry's procedures per role, and mapping a text by hand — all
// rows of that text and one audit row, in one transaction.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ROLES } from "../../authz/matrix";
import { callerAs } from "../../testing/callers";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { subjectIds } from "../../testing/subjects";

const MIGRATION = fs.readFileSync(path.join(process.cwd(), "prisma/migrations/20261207160000_subjects/migration.sql"), "utf8");
// The data part of the migration: it can run again on a migrated database.
const MAPPING = MIGRATION.slice(MIGRATION.indexOf("-- Mapping the free text"));
const LOGIN_OF_ROLE: Record<(typeof ROLES)[number], string> = {
  SCHOOL_ADMIN: "school.admin",
  SCHOOL_REGISTRAR: "school.registrar",
  SCHOOL_MEDIC: "school.medic",
  EDU_OFFICER: "edu.officer",
  HEALTH_OFFICER: "health.officer",
  SYSTEM_ADMIN: "sys.admin",
  AUDITOR: "auditor",
};

describeDb("subjects vocabulary", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let subjects: Record<string, string>;
  let learnerId: string;
  const texts = ["математика", "Математика ", "  Алгебра", "Труд (технология) 2", "Рус. яз.", "Иностранный язык (английский)", "Ёлочная Игрушка"];

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    subjects = await subjectIds(db.prisma);
    const learner = await db.prisma.learner.create({
      data: { regionId: db.seeded.regionId, lastName: "Старопредметов", firstName: "Иван", birthDate: new Date("2012-03-01"), sex: "MALE", citizenship: "643" },
    });
    learnerId = learner.id;
    // Written the way schools wrote them before the vocabulary: free text, no subject.
    for (const [i, subject] of texts.entries()) {
      const organisationId = i % 2 ? db.seeded.organisationIds.school1! : db.seeded.organisationIds.school4!;
      await db.prisma.subjectGrade.create({ data: { learnerId, organisationId, academicYear: 2024, subject, period: "год", mark: 4, createdById: learnerId } });
      await db.prisma.examResult.create({ data: { learnerId, organisationId, kind: "OGE", subject, year: 2024, primaryScore: 20, mark: 4, createdById: learnerId } });
    }
    await db.sql.exec("BEGIN");
    await db.sql.exec(MAPPING);
    await db.sql.exec("COMMIT");
  });
  afterAll(() => db?.close());

  it("seeds the curriculum with parents and the ФЦТ codes of the ГИА subjects", async () => {
    const byCode = await db.prisma.subject.findMany({ select: { code: true, parent: { select: { code: true } }, giaSubjects: { select: { code: true } } } });
    const get = (code: string) => byCode.find((s) => s.code === code)!;
    expect(get("ALGEBRA").parent?.code).toBe("MATH");
    expect(get("GEOMETRY").parent?.code).toBe("MATH");
    expect(get("ENGLISH").parent?.code).toBe("FOREIGN_LANGUAGE");
    expect(get("MATH").giaSubjects.map((g) => g.code).sort((a, b) => a - b)).toEqual([2, 22]);
    expect(get("RUSSIAN").giaSubjects.map((g) => g.code)).toEqual([1]);
    expect(get("CHINESE").giaSubjects.map((g) => g.code).sort((a, b) => a - b)).toEqual([25, 34]);
    expect(get("LITERATURE").giaSubjects.map((g) => g.code)).toEqual([18]);
  });

  it("the migration maps text trimmed, case-insensitively, by name or synonym, and leaves the rest for the ministry", async () => {
    const expected: Record<string, string | null> = {
      "математика": subjects.MATH!,
      "Математика ": subjects.MATH!,
      "  Алгебра": subjects.ALGEBRA!,
      "Труд (технология) 2": null,
      "Рус. яз.": subjects.RUSSIAN!,
      "Иностранный язык (английский)": subjects.ENGLISH!,
      "Ёлочная Игрушка": null,
    };
    const grades = await db.prisma.subjectGrade.findMany({ where: { learnerId }, select: { subject: true, subjectId: true } });
    const exams = await db.prisma.examResult.findMany({ where: { learnerId }, select: { subject: true, subjectId: true } });
    for (const rows of [grades, exams]) expect(Object.fromEntries(rows.map((r) => [r.subject, r.subjectId]))).toEqual(expected);
  });

  it("only the ministry's education officer reaches the procedures; every other role is FORBIDDEN", async () => {
    for (const role of ROLES) {
      const caller = await callerAs(db.prisma, LOGIN_OF_ROLE[role]);
      const calls = [
        () => caller.ministry.subjects.list(),
        () => caller.ministry.subjects.unmapped(),
        () => caller.ministry.subjects.add({ code: `X_${role}`.slice(0, 30), name: `Предмет ${role}`, levels: ["BASIC"] }),
        () => caller.ministry.subjects.update({ subjectId: subjects.ASTRONOMY!, name: "Астрономия", levels: ["SECONDARY"], parentId: null, active: true }),
      ];
      for (const call of calls) {
        if (role === "EDU_OFFICER") await expect(call(), role).resolves.toBeDefined();
        else await expect(call(), role).rejects.toMatchObject({ code: "FORBIDDEN" });
      }
    }
  });

  it("lists unmapped text per organisation and maps all its rows with one audit row; a mark's value stays append-only", async () => {
    const officer = await callerAs(db.prisma, "edu.officer");
    const unmapped = await officer.ministry.subjects.unmapped();
    const trud = unmapped.find((u) => u.key === "труд (технология) 2")!;
    expect(trud).toMatchObject({ texts: ["Труд (технология) 2"], total: 2 });
    expect(trud.organisations).toEqual([expect.objectContaining({ organisationId: db.seeded.organisationIds.school1, grades: 1, exams: 1 })]);

    const audits = await db.prisma.auditEvent.count({ where: { action: "subject.text.map" } });
    await expect(officer.ministry.subjects.mapText({ text: "труд  (технология) 2", subjectId: subjects.TECHNOLOGY! })).resolves.toEqual({ grades: 1, exams: 1 });
    expect(await db.prisma.auditEvent.count({ where: { action: "subject.text.map" } })).toBe(audits + 1);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "subject.text.map" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ entityId: subjects.TECHNOLOGY, details: expect.objectContaining({ grades: 1, exams: 1, code: "TECHNOLOGY" }) });
    expect((await officer.ministry.subjects.unmapped()).map((u) => u.key)).not.toContain("труд (технология) 2");
    // Nothing left to map: NOT_FOUND, and no audit row.
    await expect(officer.ministry.subjects.mapText({ text: "Труд (технология) 2", subjectId: subjects.TECHNOLOGY! })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.prisma.auditEvent.count({ where: { action: "subject.text.map" } })).toBe(audits + 1);
    // Classifying is the one update a mark allows: its value, or its subject once set, cannot change.
    const mark = await db.prisma.subjectGrade.findFirstOrThrow({ where: { learnerId, subjectId: subjects.TECHNOLOGY } });
    await expect(db.prisma.subjectGrade.update({ where: { learnerId_id: { learnerId, id: mark.id } }, data: { mark: 5 } })).rejects.toThrow();
    await expect(db.prisma.subjectGrade.update({ where: { learnerId_id: { learnerId, id: mark.id } }, data: { subjectId: subjects.MATH } })).rejects.toThrow();
  });

  it("adds, renames and deactivates subjects; names are unique in normal form and a code is unique", async () => {
    const officer = await callerAs(db.prisma, "edu.officer");
    const { id } = await officer.ministry.subjects.add({ code: "ROBOTICS", name: "Робототехника", levels: ["BASIC"], parentId: subjects.COMPUTER_SCIENCE });
    await expect(officer.ministry.subjects.add({ code: "ROBOTICS", name: "Робототехника 2", levels: ["BASIC"] })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(officer.ministry.subjects.add({ code: "ROBOTICS_2", name: "  РОБОТОТЕХНИКА ", levels: ["BASIC"] })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(officer.ministry.subjects.add({ code: "robotics", name: "Роботы", levels: ["BASIC"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await officer.ministry.subjects.update({ subjectId: id, name: "Робототехника и ИИ", levels: ["BASIC", "SECONDARY"], parentId: subjects.COMPUTER_SCIENCE, active: false });
    const row = await db.prisma.subject.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ code: "ROBOTICS", name: "Робототехника и ИИ", active: false, levels: ["BASIC", "SECONDARY"] });
    // A subject with parts of its own cannot be withdrawn while they are in use.
    await expect(officer.ministry.subjects.update({ subjectId: subjects.MATH!, name: "Математика", levels: ["PRIMARY", "BASIC", "SECONDARY"], parentId: null, active: false })).rejects.toMatchObject({ code: "CONFLICT" });
    // A withdrawn subject is no longer offered to schools, nor accepted from them.
    const registrar = await callerAs(db.prisma, "school.registrar");
    expect((await registrar.learners.portfolio.subjects()).map((s) => s.id)).not.toContain(id);
    expect(await db.prisma.auditEvent.count({ where: { action: { in: ["subject.create", "subject.update"] }, entityId: id } })).toBe(2);
  });
});
