// An enrolment's class is always one of the school's classes of the year: the
// learner form, every movement order and the rollover refuse a class the school
// does not have (on the class field, BAD_REQUEST, never a 500) and accept and
// link one it has; the rollover creates missing classes only with consent.
import { afterAll, beforeAll, expect, it } from "vitest";
import { todayIso } from "@/lib/schemas/person";
import { callerAs } from "../../testing/callers";
import { currentTestYear } from "../../testing/class-fixtures";
import { learnerInput } from "../../testing/learner-fixtures";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";

const order = (n: string, date = todayIso()) => ({ orderNumber: n, orderDate: date, effectiveDate: date });
const fieldOf = (e: { cause?: { field?: string } }) => e.cause?.field;

describeDb("classes from the school's list", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let school1: Awaited<ReturnType<typeof callerAs>>;
  let school4: Awaited<ReturnType<typeof callerAs>>;
  const year = currentTestYear();
  beforeAll(async () => {
    db = await createSeededTestDatabase();
    school1 = await callerAs(db.prisma, "school.admin");
    school4 = await callerAs(db.prisma, "school2.admin");
  });
  afterAll(() => db?.close());

  const create = (caller: typeof school1, grade: number, classLetter: string, level = grade <= 4 ? "PRIMARY" : "BASIC") => {
    const input = learnerInput({ acknowledgeDuplicate: true });
    input.enrolment = { level, grade, classLetter, enrolledAt: "2024-09-01" } as never;
    input.learner.birthDate = `${2019 - grade}-03-01`;
    return caller.learners.create(input);
  };
  const classOf = (organisation: "school1" | "school4", grade: number, letter: string, academicYear = year) =>
    db.prisma.schoolClass.findUniqueOrThrow({ where: { organisationId_academicYear_grade_letter: { organisationId: db.seeded.organisationIds[organisation]!, academicYear, grade, letter } } });
  const enrolmentOf = (learnerId: string) => db.prisma.enrolment.findFirstOrThrow({ where: { learnerId, status: { not: "ENDED" } }, orderBy: { createdAt: "desc" } });

  it("the learner form refuses a class the school does not have, on the class field, and writes nothing", async () => {
    const before = await db.prisma.learner.count();
    const error = await create(school1, 2, "Ж").catch((e) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(error.message).toContain(`Класса 2Ж на ${year}/`);
    expect(fieldOf(error)).toBe("enrolment.classLetter");
    expect(error.cause.details).toMatchObject({ code: "CLASS_NOT_IN_LIST", grade: 2, letter: "Ж", academicYear: year });
    // A graded level without a letter is not a class either.
    expect(fieldOf(await create(school1, 2, "").catch((e) => e))).toBe("enrolment.classLetter");
    expect(await db.prisma.learner.count()).toBe(before);
  });

  it("the learner form links a known class of the current year, even for an enrolment dated years ago", async () => {
    const { id } = await create(school1, 3, "В");
    const cls = await classOf("school1", 3, "В");
    expect(await enrolmentOf(id)).toMatchObject({ grade: 3, classLetter: "В", classId: cls.id, programmeId: cls.programmeId });
  });

  it("a class change refuses an unknown class and moves into a known one", async () => {
    const { id } = await create(school1, 6, "А");
    const error = await school1.movement.event({ type: "CLASS_CHANGE", learnerId: id, order: order("к-1"), placement: { level: "BASIC", grade: 6, classLetter: "Я" } }).catch((e) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(fieldOf(error)).toBe("placement.classLetter");
    expect(await enrolmentOf(id)).toMatchObject({ classLetter: "А" });
    await school1.movement.event({ type: "CLASS_CHANGE", learnerId: id, order: order("к-2"), placement: { level: "BASIC", grade: 6, classLetter: "б" } });
    expect(await enrolmentOf(id)).toMatchObject({ classLetter: "Б", classId: (await classOf("school1", 6, "Б")).id });
  });

  it("accepting a transfer refuses an unknown class and places into a known one", async () => {
    const { id } = await create(school1, 7, "А");
    const { transferId } = await school1.movement.transfers.start({ learnerId: id, toOrganisationId: db.seeded.organisationIds.school4!, order: order("т-1") });
    const bad = await school4.movement.transfers.accept({ learnerId: id, transferId, placement: { level: "BASIC", grade: 7, classLetter: "Ю" }, order: order("т-2") }).catch((e) => e);
    expect(bad).toMatchObject({ code: "BAD_REQUEST" });
    expect(fieldOf(bad)).toBe("placement.classLetter");
    await school4.movement.transfers.accept({ learnerId: id, transferId, placement: { level: "BASIC", grade: 7, classLetter: "Г" }, order: order("т-3") });
    const here = await db.prisma.enrolment.findFirstOrThrow({ where: { learnerId: id, organisationId: db.seeded.organisationIds.school4!, status: "ACTIVE" } });
    expect(here.classId).toBe((await classOf("school4", 7, "Г")).id);
  });

  it("the rollover refuses to promote into a missing class without consent, and creates it (audited) with consent", async () => {
    // 4Д exists this year, 5Д does not: its learners have no class to go to.
    const programme = await db.prisma.programme.findFirstOrThrow({ where: { organisationId: db.seeded.organisationIds.school4!, level: "PRIMARY" } });
    await db.prisma.schoolClass.create({ data: { organisationId: programme.organisationId, programmeId: programme.id, academicYear: year, grade: 4, letter: "Д" } });
    const { id } = await create(school4, 4, "Д");
    const preview = await school4.movement.rollover.preview();
    expect(preview.classes.some((c) => c.grade === 5 && c.letter === "Д")).toBe(false);

    const refused = await school4.movement.rollover.commit({ order: order("п-1"), overrides: [], createClasses: false }).catch((e) => e);
    expect(refused).toMatchObject({ code: "BAD_REQUEST" });
    expect(fieldOf(refused)).toBe("createClasses");
    expect(refused.message).toContain("5Д");
    expect(await enrolmentOf(id)).toMatchObject({ grade: 4, classLetter: "Д" });

    // «Всех перевести в 5Б» for one learner: an existing class needs no consent; then 5Д with consent.
    const moved = await create(school4, 4, "Д");
    const movedRow = (await school4.movement.rollover.preview()).rows.find((r) => r.learner.id === moved.id)!;
    await school4.movement.rollover.commit({
      order: order("п-2"),
      overrides: [{ enrolmentId: movedRow.enrolmentId, action: "PROMOTION", classLetter: "Б" }],
      createClasses: true,
    });
    const created = await classOf("school4", 5, "Д");
    expect(await enrolmentOf(id)).toMatchObject({ grade: 5, classLetter: "Д", classId: created.id });
    expect(await enrolmentOf(moved.id)).toMatchObject({ grade: 5, classLetter: "Б", classId: (await classOf("school4", 5, "Б")).id });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "class.create", entityId: created.id } });
    expect(audit.details).toMatchObject({ grade: 5, letter: "Д", via: "movement.rollover" });
  });
});
