// The derived counts per class the ministry's marks view reads
// (ClassPerformanceCount, ClassPerformanceMembers) against two recounts after
// every kind of write that changes them: a rebuild from scratch, and the live
// statements of measures-sql.ts for each class, year, period and subject group.
// A trigger that fails to queue a class leaves that class's rows stale after
// the flush, and the comparison with the live figures fails.
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildPerformanceWorld, P1, type World } from "../../testing/performance-world";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { Prisma } from "../../generated/prisma/client";
import { countedGroupMeasures, flushClassPerformance, rebuildClassPerformance } from "./class-performance-counts";
import { groupMeasures, type GroupRow } from "./measures-sql";

type Db = Awaited<ReturnType<typeof createSeededTestDatabase>>;

/** The derived tables as sorted text rows. */
async function tables(db: Db["prisma"] | Prisma.TransactionClient) {
  const counts = await db.$queryRaw<object[]>`
    SELECT "classId"::text, "academicYear", "period", "subjectKey"::text, "withResult", "successful", "quality", "m5", "m4", "m3", "m2", "markSum"
    FROM "ClassPerformanceCount" ORDER BY 1, 3, 4`;
  const members = await db.$queryRaw<object[]>`SELECT "classId"::text, "academicYear", "learners" FROM "ClassPerformanceMembers" ORDER BY 1`;
  return { counts: counts.map((r) => JSON.stringify(r)), members: members.map((r) => JSON.stringify(r)) };
}

/** Every class's figures for each year, period and subject group (null: all): live, or summed from the derived rows. */
async function perClass(db: Db["prisma"], read: typeof groupMeasures) {
  const years = await db.$queryRaw<{ y: number }[]>`SELECT DISTINCT "academicYear"::int AS "y" FROM "SchoolClass" ORDER BY 1`;
  const periods = await db.$queryRaw<{ p: string }[]>`SELECT DISTINCT "period" AS "p" FROM "SubjectGrade" ORDER BY 1`;
  // The subjects with a mark and their parents: every group that has rows.
  const subjects = await db.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT x::text AS "id" FROM "SubjectGrade" g JOIN "Subject" s ON s."id" = g."subjectId",
      LATERAL (VALUES (s."id"), (s."parentId")) v(x) WHERE x IS NOT NULL ORDER BY 1`;
  const out: Record<string, GroupRow[]> = {};
  for (const { y } of years)
    for (const { p } of periods)
      for (const subjectId of [null, ...subjects.map((s) => s.id)]) {
        const rows = await read(db, { level: "class", academicYear: y, period: p, where: Prisma.sql`true`, subjectId });
        out[`${y}|${p}|${subjectId ?? "all"}`] = rows.map((r) => ({ ...r, markSum: Number(r.markSum) }));
      }
  return out;
}

describeDb("performance counts per class: kept by triggers and the flush, equal to a rebuild and to the live count", () => {
  let db: Db;
  let w: World;
  let author: string;
  let previousLive: Record<string, GroupRow[]> = {};

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    w = await buildPerformanceWorld(db.prisma, db.seeded);
    author = (await db.prisma.user.findUniqueOrThrow({ where: { login: "school.admin" }, select: { id: true } })).id;
  }, 120_000);
  afterAll(() => db?.close());

  /** Flush, then the table must equal a rebuild (rolled back) and the live statements class by class. */
  async function expectCountsExact(what: string, changes = true) {
    await flushClassPerformance(db.prisma);
    const flushed = await tables(db.prisma);
    const rebuilt = await db.prisma
      .$transaction(async (tx) => {
        await rebuildClassPerformance(tx);
        throw Object.assign(new Error("roll back"), { snapshot: await tables(tx) });
      })
      .catch((e: { snapshot?: Awaited<ReturnType<typeof tables>> }) => e.snapshot);
    expect(rebuilt, `${what}: a rebuild`).toEqual(flushed);
    const live = await perClass(db.prisma, groupMeasures);
    expect(await perClass(db.prisma, countedGroupMeasures), `${what}: the live count per class`).toEqual(live);
    // The write must have changed some class's figures, or the step proves nothing.
    if (changes) expect(live, `${what}: changes the figures`).not.toEqual(previousLive);
    previousLive = live;
  }

  const mark = (learnerId: string, code: string | null, value: number, o: { supersedesId?: string; academicYear?: number; period?: string } = {}) =>
    db.prisma.subjectGrade.create({
      data: {
        learnerId, organisationId: w.org.school1, academicYear: o.academicYear ?? w.year, subject: code ?? "Алгебра и начала", subjectId: code ? w.subjects[code]! : null,
        period: o.period ?? P1, mark: value, createdById: author, supersedesId: o.supersedesId,
      },
      select: { id: true },
    });
  const newLearner = (name: string) =>
    db.prisma.learner.create({
      data: { regionId: db.seeded.regionId, lastName: name, firstName: "Тест", birthDate: new Date("2015-03-01"), sex: "MALE", citizenship: "643" },
      select: { id: true },
    });
  const enrol = async (learnerId: string, classId: string) => {
    const c = await db.prisma.schoolClass.findUniqueOrThrow({ where: { id: classId }, select: { grade: true, letter: true } });
    return db.prisma.enrolment.create({
      data: { learnerId, organisationId: w.org.school1, level: "BASIC", isBasic: true, classId, grade: c.grade, classLetter: c.letter, enrolledAt: new Date(`${w.year - 2}-09-01`) },
      select: { id: true },
    });
  };
  const enrolmentOf = (learnerId: string) => db.prisma.enrolment.findFirstOrThrow({ where: { learnerId }, select: { id: true } });

  it("follows marks, enrolments, orders, their cancellation and the subject tree", async () => {
    await expectCountsExact("the world as written");

    const ivanov = w.members.b5[0]!;
    const two = await mark(ivanov, "RUSSIAN", 2);
    await expectCountsExact("a new mark");
    await mark(ivanov, "RUSSIAN", 5, { supersedesId: two.id });
    await expectCountsExact("a mark superseding it");

    const unmapped = await mark(ivanov, null, 3);
    await expectCountsExact("an unmapped mark counts nowhere", false);
    await db.prisma.subjectGrade.update({ where: { learnerId_id: { learnerId: ivanov, id: unmapped.id } }, data: { subjectId: w.subjects.ALGEBRA! } });
    await expectCountsExact("the mark mapped to a subject by an update");

    // A learner with a mark of school1 but no class yet, then enrolled into 5Б.
    const late = (await newLearner("Поздняков")).id;
    await mark(late, "MATH", 4);
    await enrol(late, w.classes.b5);
    await expectCountsExact("an enrolment into a class");

    const ageev = w.named["Агеев"]!;
    await db.prisma.enrolment.update({ where: { learnerId_id: { learnerId: ageev, id: (await enrolmentOf(ageev)).id } }, data: { status: "ENDED", endedAt: new Date(`${w.year + 1}-06-10`) } });
    await expectCountsExact("an enrolment ended after 1 June: still in the class", false);
    const borisova = w.named["Борисова"]!;
    await db.prisma.enrolment.update({ where: { learnerId_id: { learnerId: borisova, id: (await enrolmentOf(borisova)).id } }, data: { status: "ENDED", endedAt: new Date(`${w.year + 1}-02-10`) } });
    await expectCountsExact("an enrolment ended before 1 June: out of the class");

    const fifth = w.members.v5[0]!;
    await db.prisma.enrolment.update({ where: { learnerId_id: { learnerId: fifth, id: (await enrolmentOf(fifth)).id } }, data: { classId: w.classes.b5, classLetter: "Б" } });
    await expectCountsExact("a move to another class");

    // Last year's 5А gains a learner by a promotion order and loses them by its cancellation.
    const sixB = (await db.prisma.schoolClass.findFirstOrThrow({ where: { organisationId: w.org.school1, academicYear: w.year, grade: 6, letter: "Б" }, select: { id: true } })).id;
    const promoted = (await newLearner("Переведенцев")).id;
    const enrolment = await enrol(promoted, sixB);
    await mark(promoted, "MATH", 2, { academicYear: w.year - 1, period: "год" });
    await expectCountsExact("a mark of a learner in no class of that year", false);
    const order = await db.prisma.movementEvent.create({
      data: {
        learnerId: promoted, organisationId: w.org.school1, type: "PROMOTION", orderNumber: "П-2", orderDate: new Date(`${w.year}-06-20`), effectiveDate: new Date(`${w.year}-06-20`),
        enrolmentId: enrolment.id, fromClassId: w.classes.a5last, toClassId: sixB, fromLevel: "BASIC", toLevel: "BASIC", fromGrade: 5, toGrade: 6, fromLetter: "А", toLetter: "Б", createdById: author,
      },
      select: { id: true },
    });
    await expectCountsExact("a promotion order");
    await db.prisma.movementEvent.create({
      data: {
        learnerId: promoted, organisationId: w.org.school1, type: "CANCELLATION", orderNumber: "О-1", orderDate: new Date(`${w.year}-06-25`), effectiveDate: new Date(`${w.year}-06-25`),
        cancelsEventId: order.id, createdById: author,
      },
    });
    await expectCountsExact("the order's cancellation");

    // Физкультура moved under Математика: Математика's group gains its credits; back again.
    await db.prisma.subject.update({ where: { id: w.subjects.PHYSICAL_EDUCATION! }, data: { parentId: w.subjects.MATH! } });
    await expectCountsExact("a subject moved under another");
    await db.prisma.subject.update({ where: { id: w.subjects.PHYSICAL_EDUCATION! }, data: { parentId: null } });
    await expectCountsExact("and back");
  }, 300_000);

  it("an import's many enrolments queue their classes in one statement, once each", async () => {
    await flushClassPerformance(db.prisma);
    const a = (await newLearner("Массовый1")).id;
    const b = (await newLearner("Массовый2")).id;
    const c = await db.prisma.schoolClass.findUniqueOrThrow({ where: { id: w.classes.v5 }, select: { grade: true, letter: true } });
    await db.prisma.enrolment.createMany({
      data: [a, b].map((learnerId) => ({ learnerId, organisationId: w.org.school1, level: "BASIC" as const, classId: w.classes.v5, grade: c.grade, classLetter: c.letter, enrolledAt: new Date(`${w.year}-09-01`) })),
    });
    expect(await db.prisma.classPerformancePending.findMany({ select: { classId: true } })).toEqual([{ classId: w.classes.v5 }]);
    expect(await flushClassPerformance(db.prisma)).toBe(1);
    expect(await flushClassPerformance(db.prisma)).toBe(0);
  });
});
