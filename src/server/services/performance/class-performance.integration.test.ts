// The school's performance view of a class (issue 21) against a direct
// recount of the rows the test wrote (src/server/testing/performance-world.ts):
// corrections, credits, unmapped subjects, other periods, cancelled and
// mid-year leavers, an additional programme's marks, a learner without marks,
// and last year's class; then access per role and school, and the audit row.
import { afterAll, beforeAll, expect, it } from "vitest";
import { callerAs } from "../../testing/callers";
import { buildPerformanceWorld, P1, recount, type World } from "../../testing/performance-world";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { groupMeasures, subjectMeasures } from "./measures-sql";
import { Prisma } from "../../generated/prisma/client";

describeDb("performance of a class: the school's view", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let w: World;
  const membersOf = (key: keyof World["members"], org: string) => w.members[key].map((learnerId) => ({ learnerId, organisationId: org }));

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    w = await buildPerformanceWorld(db.prisma, db.seeded);
  }, 120_000);
  afterAll(() => db?.close());

  it("every measure of 5А, overall and per subject, equals the recount", async () => {
    const view = await (await callerAs(db.prisma, "school.admin")).school.performance.class({ classId: w.classes.a5, period: P1 });
    const members = membersOf("a5", w.org.school1);
    const all = recount(w, members, w.year, P1);
    const { marks, ...overall } = view.overall;
    expect({ ...overall, ...marks }).toEqual(all);
    // The definitions on this class, by hand: 6 learners; Агеев, Зайцева successful and "quality";
    // Борисова has a 2, Григорьева a незачёт; Волков and Демидов nothing in this period.
    expect(all).toMatchObject({ learners: 6, withResult: 4, successful: 2, quality: 2, m5: 1, m4: 2, m3: 1, m2: 1, average: 3.6, successRate: 33.3, qualityRate: 33.3 });
    expect(view.subjects.map((s) => s.code)).toEqual(["RUSSIAN", "MATH", "PHYSICAL_EDUCATION"]);
    for (const s of view.subjects) {
      const expected = recount(w, members, w.year, P1, [s.subjectId]);
      const { marks: m, ...rest } = s.measures;
      // A subject assessed by credits alone has no «качество»: «—», not 0.
      const quality = s.code === "PHYSICAL_EDUCATION" ? null : expected.qualityRate;
      expect({ ...rest, ...m }, s.code).toEqual({ ...expected, qualityRate: quality });
    }
    // The corrected "2" is gone: Russian has a 4 and a 3.
    expect(view.subjects.find((s) => s.code === "RUSSIAN")!.measures.marks).toEqual({ m5: 0, m4: 1, m3: 1, m2: 0 });
  });

  it("names the learners with a 2 or незачёт and those without a result; the table holds each learner's marks", async () => {
    const view = await (await callerAs(db.prisma, "school.registrar")).school.performance.class({ classId: w.classes.a5, period: P1 });
    expect(view.failing.map((l) => [l.learnerId, l.subjects])).toEqual([
      [w.named["Борисова"], ["Математика"]],
      [w.named["Григорьева"], ["Физическая культура"]],
    ]);
    expect(view.withoutResult.map((l) => l.learnerId)).toEqual([w.named["Волков"], w.named["Демидов"]]);
    expect(view.table.map((r) => r.learnerId).sort()).toEqual([...w.members.a5].sort());
    const ageev = view.table.find((r) => r.learnerId === w.named["Агеев"])!;
    expect(ageev.cells).toEqual({ [w.subjects.MATH!]: "5", [w.subjects.RUSSIAN!]: "4", [w.subjects.PHYSICAL_EDUCATION!]: "зач" });
    // Зайцева's additional-programme 3 is another slot: only the school's 4 shows.
    expect(view.table.find((r) => r.learnerId === w.named["Зайцева"])!.cells).toEqual({ [w.subjects.MATH!]: "4" });
  });

  it("last year's class: the promoted learner and the one who left after the year's end, not the one who left during it", async () => {
    const view = await (await callerAs(db.prisma, "school.admin")).school.performance.class({ classId: w.classes.a5last, period: "год" });
    expect(view.table.map((r) => r.learnerId).sort()).toEqual([...w.members.a5last].sort());
    const expected = recount(w, membersOf("a5last", w.org.school1), w.year - 1, "год");
    expect(view.overall.average).toBe(expected.average);
    expect(view.overall).toMatchObject({ learners: 2, successful: 2, quality: 1, average: 4, successRate: 100, qualityRate: 50 });
  });

  it("grouped by organisation and municipality, the same SQL gives the recount of every class together", async () => {
    const where = Prisma.sql`o."id" = ${w.org.school1}::uuid`;
    const [school] = await groupMeasures(db.prisma, { level: "organisation", academicYear: w.year, period: P1, where });
    const members = [...membersOf("a5", w.org.school1), ...membersOf("b5", w.org.school1), ...membersOf("v5", w.org.school1)];
    // The promoted learner sits in this year's 6Б without marks this year: a learner of the school too.
    const sixB = await db.prisma.enrolment.findMany({ where: { schoolClass: { organisationId: w.org.school1, academicYear: w.year, grade: 6, letter: "Б" } }, select: { learnerId: true } });
    members.push(...sixB.map((e) => ({ learnerId: e.learnerId, organisationId: w.org.school1 })));
    const expected = recount(w, members, w.year, P1);
    expect(school).toMatchObject({ learners: expected.learners, withResult: expected.withResult, successful: expected.successful, quality: expected.quality, m5: expected.m5, m2: expected.m2 });
    const bySubject = await subjectMeasures(db.prisma, { level: "municipality", academicYear: w.year, period: P1, where: Prisma.sql`mu."id" = ${db.seeded.municipalityIds.sosnovka!}::uuid`, subjectId: w.subjects.MATH });
    // Математика with the subjects under it: Алгебра's row stands apart, both counted.
    const gymn = recount(w, membersOf("a6gymn", w.org.gymn2), w.year, P1, [w.subjects.MATH!]);
    expect(bySubject.find((r) => r.code === "MATH")).toMatchObject({ learners: 16, m5: gymn.m5, m4: gymn.m4, m3: gymn.m3 });
    expect(bySubject.find((r) => r.code === "ALGEBRA")).toMatchObject({ m5: 1 });
  });

  it("access: head and registrar read; the medic is refused; another school's class is not found; the ministry is refused", async () => {
    await expect((await callerAs(db.prisma, "school.medic")).school.performance.class({ classId: w.classes.a5, period: P1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect((await callerAs(db.prisma, "school.medic")).school.performance.classes()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect((await callerAs(db.prisma, "school2.admin")).school.performance.class({ classId: w.classes.a5, period: P1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await callerAs(db.prisma, "edu.officer")).school.performance.class({ classId: w.classes.a5, period: P1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const own = await (await callerAs(db.prisma, "school.registrar")).school.performance.classes();
    expect(own.map((c) => c.id)).toContain(w.classes.a5last);
    expect(own.map((c) => c.id)).not.toContain(w.classes.a6gymn);
    await expect((await callerAs(db.prisma, "school.admin")).school.performance.class({ classId: w.classes.a5, period: "5 четверть" as never })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("audits the read once, with the learners it named", async () => {
    const before = await db.prisma.auditEvent.count({ where: { action: "performance.class.read" } });
    await (await callerAs(db.prisma, "school.admin")).school.performance.class({ classId: w.classes.b5, period: P1 });
    const rows = await db.prisma.auditEvent.findMany({ where: { action: "performance.class.read" }, orderBy: { id: "desc" }, select: { id: true, entityId: true, actorLogin: true } });
    expect(rows.length).toBe(before + 1);
    expect(rows[0]).toMatchObject({ entityId: w.classes.b5, actorLogin: "school.admin" });
    const links = await db.prisma.auditEventLearner.findMany({ where: { eventId: rows[0]!.id }, select: { learnerId: true } });
    expect(links.map((l) => l.learnerId).sort()).toEqual([...w.members.b5].sort());
  });
});
