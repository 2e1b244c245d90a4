// An import names classes the school does not have (2В, 3В, 4В in the issue):
// without consent those rows are refused by row and column and nothing is
// written; with «Создать классы» the commit creates them in the same
// transaction (each audited) and links every enrolment to its class. Also the
// migration that gave existing classless enrolments their classes.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadActor, type Actor } from "../../../auth/actor";
import { currentTestYear } from "../../../testing/class-fixtures";
import { HEADERS, learnerRow, toCsv } from "../../../testing/import-fixtures";
import { signedInClaims } from "../../../testing/sessions";
import { createSeededTestDatabase, describeDb } from "../../../testing/test-db";
import { importLearners } from "./import-learners";
import { readRows } from "./read-file";

const file = (rows: string[][]) => readRows(new Uint8Array(Buffer.from(toCsv([HEADERS, ...rows]), "utf8")), "classes.csv");
const BACKFILL = path.join(process.cwd(), "prisma/migrations/20261207060000_enrolment_classes_backfill/migration.sql");

describeDb("import and classes", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let registrar: Actor;
  const year = currentTestYear();
  // Grades 2, 3, 4 in letter Ж (the fixtures have А–Г), and one known class.
  const rows = () => [learnerRow(1, { "Литера": "Ж" }), learnerRow(2, { "Литера": "Ж" }), learnerRow(3, { "Литера": "Ж" }), learnerRow(4)];
  const run = async (commit: boolean, createClasses = false) =>
    importLearners(db.prisma, registrar, await file(rows()), { commit, createClasses, fileName: "classes.csv", ip: "127.0.0.1" });
  const school1 = () => db.seeded.organisationIds.school1!;

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    registrar = (await loadActor(db.prisma, await signedInClaims(db.prisma, "school.registrar")))!;
  });
  afterAll(() => db?.close());

  it("refuses rows whose class the school lacks, by row and column, and lists the classes; nothing is written", async () => {
    const learners = await db.prisma.learner.count();
    const result = await run(true);
    expect(result.committed).toBe(false);
    expect(result.missingClasses).toEqual(["2Ж", "3Ж", "4Ж"]);
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([[2, "Литера"], [3, "Литера"], [4, "Литера"]]);
    expect(result.errors[0]!.message).toContain(`Класса 2Ж на ${year}/`);
    expect(await db.prisma.learner.count()).toBe(learners);
    expect(await db.prisma.schoolClass.count({ where: { organisationId: school1(), letter: "Ж" } })).toBe(0);
  });

  it("with consent a dry run still writes nothing, and the commit creates the classes, audited, and links the enrolments", async () => {
    const dry = await run(false, true);
    expect(dry).toMatchObject({ committed: false, errorCount: 0, missingClasses: ["2Ж", "3Ж", "4Ж"], classesCreated: 0 });
    expect(await db.prisma.schoolClass.count({ where: { organisationId: school1(), letter: "Ж" } })).toBe(0);

    const done = await run(true, true);
    expect(done).toMatchObject({ committed: true, created: 4, classesCreated: 3 });
    const created = await db.prisma.schoolClass.findMany({ where: { organisationId: school1(), letter: "Ж" }, orderBy: { grade: "asc" } });
    expect(created.map((c) => [c.academicYear, c.grade])).toEqual([[year, 2], [year, 3], [year, 4]]);
    const audits = await db.prisma.auditEvent.findMany({ where: { action: "class.create", entityId: { in: created.map((c) => c.id) } } });
    expect(audits.map((a) => (a.details as { via: string }).via)).toEqual(["learner.import", "learner.import", "learner.import"]);
    const enrolments = await db.prisma.enrolment.findMany({ where: { organisationId: school1(), classLetter: "Ж" } });
    expect(enrolments).toHaveLength(3);
    for (const e of enrolments) expect(e.classId).toBe(created.find((c) => c.grade === e.grade)!.id);
    // Every imported enrolment has its class, also the one in a class that existed.
    expect(await db.prisma.enrolment.count({ where: { organisationId: school1(), classId: null } })).toBe(0);
    // The same file again: the classes exist now, nothing changes.
    expect(await run(true)).toMatchObject({ committed: true, created: 0, unchanged: 4, missingClasses: [], classesCreated: 0 });
  });

  it("the backfill migration gives classless enrolments of the current year their class (and a programme when missing)", async () => {
    const school4 = db.seeded.organisationIds.school4!;
    const learner = await db.prisma.learner.create({
      data: { regionId: db.seeded.regionId, lastName: "Бесклассов", firstName: "Иван", birthDate: new Date("2016-03-01"), sex: "MALE", citizenship: "643" },
    });
    const base = { learnerId: learner.id, organisationId: school4, level: "PRIMARY" as const, grade: 3, classLetter: "Щ", enrolledAt: new Date("2024-09-01") };
    await db.prisma.enrolment.create({ data: base });
    const known = await db.prisma.enrolment.create({ data: { ...base, learnerId: (await db.prisma.learner.create({ data: { regionId: db.seeded.regionId, lastName: "Знаев", firstName: "Пётр", birthDate: new Date("2016-04-01"), sex: "MALE", citizenship: "643" } })).id, classLetter: "А" } });
    // Written the way the old import did: free text, no class.
    await db.sql.exec("BEGIN");
    await db.sql.exec(fs.readFileSync(BACKFILL, "utf8"));
    await db.sql.exec("COMMIT");
    const made = await db.prisma.schoolClass.findUniqueOrThrow({ where: { organisationId_academicYear_grade_letter: { organisationId: school4, academicYear: year, grade: 3, letter: "Щ" } } });
    expect((await db.prisma.enrolment.findFirstOrThrow({ where: { learnerId: learner.id } })).classId).toBe(made.id);
    // An existing class is linked, not duplicated.
    const existing = await db.prisma.schoolClass.findMany({ where: { organisationId: school4, academicYear: year, grade: 3, letter: "А" } });
    expect(existing).toHaveLength(1);
    expect((await db.prisma.enrolment.findFirstOrThrow({ where: { learnerId: known.learnerId } })).classId).toBe(existing[0]!.id);
  });

  it("never creates a class under an adapted programme (АООП): without a plain basic programme the row is refused", async () => {
    const school = school1();
    const plain = await db.prisma.programme.findMany({ where: { organisationId: school, level: "PRIMARY", isBasic: true, adapted: false, active: true }, select: { id: true } });
    await db.prisma.programme.updateMany({ where: { id: { in: plain.map((p) => p.id) } }, data: { active: false } });
    await db.prisma.programme.create({ data: { organisationId: school, name: "АООП НОО (ЗПР)", level: "PRIMARY", isBasic: true, adapted: true, ovzCategory: "DEVELOPMENTAL_DELAY" } });
    try {
      const result = await importLearners(db.prisma, registrar, await file([learnerRow(1, { "Литера": "З" })]), { commit: true, createClasses: true, fileName: "classes.csv", ip: "127.0.0.1" });
      expect(result.committed).toBe(false);
      expect(result.errors.map((e) => [e.row, e.column])).toEqual([[2, "Уровень"]]);
      expect(result.errors[0]!.message).toContain("не адаптированной");
      expect(await db.prisma.schoolClass.count({ where: { organisationId: school, letter: "З" } })).toBe(0);
    } finally {
      await db.prisma.programme.updateMany({ where: { id: { in: plain.map((p) => p.id) } }, data: { active: true } });
    }
  });
});
