// Test data of the performance tests (issue 21), inserted row by row, and the
// direct recount the tests compare every measure with: TypeScript over the
// rows as written here, sharing nothing with the service's SQL.
//   school1 (Заречный): 5А with every edge case, 5Б small, 5В bulk (20 learners);
//                       last year's 5А with a promoted learner, one who left after
//                       the year's end and one who left during it
//   gymn2 (Сосновка):   6А bulk (16 learners), one with an Алгебра mark (under Математика)
// Bulk classes keep the municipalities' and gymn2's figures at or above the
// small-number threshold, so the ministry view shows them and they can be compared.
import { currentTestYear } from "./class-fixtures";
import { subjectIds } from "./subjects";
import type { PrismaClient } from "../generated/prisma/client";

export interface MarkRow {
  learnerId: string;
  organisationId: string;
  academicYear: number;
  period: string;
  subjectId: string | null;
  mark: number | null;
  credit: boolean | null;
  superseded: boolean;
}

export interface World {
  year: number;
  subjects: Record<string, string>;
  classes: Record<"a5" | "b5" | "v5" | "a6gymn" | "a5last", string>;
  /** Who the definition says belongs to each class (the expectation, written by hand). */
  members: Record<World["classes"] extends Record<infer K, string> ? K : never, string[]>;
  marks: MarkRow[];
  org: { school1: string; gymn2: string; cdt: string };
  named: Record<string, string>;
}

export const P1 = "1 четверть" as const;

export async function buildPerformanceWorld(db: PrismaClient, seeded: { regionId: string; organisationIds: Record<string, string> }): Promise<World> {
  const year = currentTestYear();
  const subjects = await subjectIds(db);
  const author = (await db.user.findUniqueOrThrow({ where: { login: "school.admin" }, select: { id: true } })).id;
  const org = { school1: seeded.organisationIds.school1!, gymn2: seeded.organisationIds.gymn2!, cdt: seeded.organisationIds.cdt! };
  const classOf = async (organisationId: string, academicYear: number, grade: number, letter: string) => {
    const found = await db.schoolClass.findFirst({ where: { organisationId, academicYear, grade, letter }, select: { id: true } });
    if (found) return found.id;
    const programme = await db.programme.findFirstOrThrow({ where: { organisationId, level: "BASIC", isBasic: true }, select: { id: true } });
    return (await db.schoolClass.create({ data: { organisationId, programmeId: programme.id, academicYear, grade, letter }, select: { id: true } })).id;
  };
  const classes = {
    a5: await classOf(org.school1, year, 5, "А"),
    b5: await classOf(org.school1, year, 5, "Б"),
    v5: await classOf(org.school1, year, 5, "В"),
    a6gymn: await classOf(org.gymn2, year, 6, "А"),
    a5last: await classOf(org.school1, year - 1, 5, "А"),
  };
  const members: World["members"] = { a5: [], b5: [], v5: [], a6gymn: [], a5last: [] };
  const marks: MarkRow[] = [];
  const named: Record<string, string> = {};
  let n = 0;

  const learner = async (name: string, organisationId: string, classId: string, enrolment: { status?: "ACTIVE" | "ENDED"; endedAt?: string; cancelled?: boolean } = {}) => {
    n += 1;
    const row = await db.learner.create({
      data: { regionId: seeded.regionId, lastName: name, firstName: "Тест", birthDate: new Date("2015-03-01"), sex: n % 2 ? "MALE" : "FEMALE", citizenship: "643" },
      select: { id: true },
    });
    const cls = await db.schoolClass.findUniqueOrThrow({ where: { id: classId }, select: { grade: true, letter: true } });
    await db.enrolment.create({
      data: {
        learnerId: row.id,
        organisationId,
        level: "BASIC",
        isBasic: true,
        classId,
        grade: cls.grade,
        classLetter: cls.letter,
        status: enrolment.status ?? "ACTIVE",
        enrolledAt: new Date(`${year - 2}-09-01`),
        endedAt: enrolment.endedAt ? new Date(enrolment.endedAt) : null,
        cancelledAt: enrolment.cancelled ? new Date() : null,
      },
    });
    named[name] = row.id;
    return row.id;
  };
  const mark = async (learnerId: string, code: string | null, value: number | boolean, o: { org?: string; period?: string; academicYear?: number; supersede?: boolean } = {}) => {
    const subjectId = code ? subjects[code]! : null;
    const data = {
      learnerId,
      organisationId: o.org ?? org.school1,
      academicYear: o.academicYear ?? year,
      subject: code ?? "Старое написание",
      subjectId,
      period: o.period ?? P1,
      mark: typeof value === "number" ? value : null,
      credit: typeof value === "boolean" ? value : null,
      createdById: author,
    };
    const row = await db.subjectGrade.create({ data, select: { id: true } });
    marks.push({ ...data, superseded: false });
    return { id: row.id, index: marks.length - 1, data };
  };
  const correct = async (old: Awaited<ReturnType<typeof mark>>, value: number) => {
    await db.subjectGrade.create({ data: { ...old.data, mark: value, supersedesId: old.id } });
    marks[old.index]!.superseded = true;
    marks.push({ ...old.data, mark: value, superseded: false });
  };

  // 5А: the edge cases.
  const a1 = await learner("Агеев", org.school1, classes.a5);
  await mark(a1, "MATH", 5);
  await correct(await mark(a1, "RUSSIAN", 2), 4); // a "2" corrected to 4: only the 4 counts
  await mark(a1, "PHYSICAL_EDUCATION", true); // зачёт: a result, not a mark
  const a2 = await learner("Борисова", org.school1, classes.a5);
  await mark(a2, "MATH", 2);
  await mark(a2, "RUSSIAN", 3);
  const a3 = await learner("Волков", org.school1, classes.a5);
  await mark(a3, null, 2); // unmapped old text: never counts, Волков stays without a result
  const a4 = await learner("Григорьева", org.school1, classes.a5);
  await mark(a4, "PHYSICAL_EDUCATION", false); // незачёт only: failing, no mark
  const a5 = await learner("Демидов", org.school1, classes.a5);
  await mark(a5, "MATH", 4, { period: "2 четверть" }); // another period only
  const a6 = await learner("Ершова", org.school1, classes.a5, { cancelled: true }); // never took effect
  await mark(a6, "MATH", 5);
  const a7 = await learner("Жуков", org.school1, classes.a5, { status: "ENDED", endedAt: `${year}-10-15` }); // left during the year
  await mark(a7, "MATH", 5);
  const a8 = await learner("Зайцева", org.school1, classes.a5);
  await mark(a8, "MATH", 3, { org: org.cdt }); // an additional programme's slot
  await mark(a8, "MATH", 4);
  members.a5 = [a1, a2, a3, a4, a5, a8];

  // 5Б: two learners.
  const b1 = await learner("Иванов", org.school1, classes.b5);
  const b2 = await learner("Калинина", org.school1, classes.b5);
  await mark(b1, "MATH", 4);
  await mark(b2, "MATH", 5);
  members.b5 = [b1, b2];

  // 5В and gymn2's 6А: bulk classes, every count at least 5.
  for (let i = 0; i < 20; i++) {
    const id = await learner(`Пятый${i}`, org.school1, classes.v5);
    await mark(id, "MATH", 5 - (i % 4));
    members.v5.push(id);
  }
  for (let i = 0; i < 16; i++) {
    const id = await learner(`Шестой${i}`, org.gymn2, classes.a6gymn);
    if (i < 15) await mark(id, "MATH", [5, 4, 3][Math.floor(i / 5)]!, { org: org.gymn2 });
    if (i >= 10 && i < 15) await mark(id, "RUSSIAN", 2, { org: org.gymn2 });
    if (i === 0) await mark(id, "ALGEBRA", 5, { org: org.gymn2 });
    members.a6gymn.push(id);
  }

  // Last year's 5А: promoted on (the enrolment is in this year's 6Б now), left after the year's end, left during the year.
  const p1 = await learner("Лебедев", org.school1, await classOf(org.school1, year, 6, "Б"));
  const p1Enrolment = await db.enrolment.findFirstOrThrow({ where: { learnerId: p1 }, select: { id: true } });
  await db.movementEvent.create({
    data: {
      learnerId: p1, organisationId: org.school1, type: "PROMOTION", orderNumber: "П-1", orderDate: new Date(`${year}-06-20`), effectiveDate: new Date(`${year}-06-20`),
      enrolmentId: p1Enrolment.id, fromClassId: classes.a5last, toClassId: await classOf(org.school1, year, 6, "Б"), fromLevel: "BASIC", toLevel: "BASIC", fromGrade: 5, toGrade: 6, fromLetter: "А", toLetter: "Б", createdById: author,
    },
  });
  await mark(p1, "MATH", 5, { academicYear: year - 1, period: "год" });
  const p2 = await learner("Медведева", org.school1, classes.a5last, { status: "ENDED", endedAt: `${year}-06-25` });
  await mark(p2, "MATH", 3, { academicYear: year - 1, period: "год" });
  const p3 = await learner("Никитин", org.school1, classes.a5last, { status: "ENDED", endedAt: `${year}-02-01` });
  await mark(p3, "MATH", 2, { academicYear: year - 1, period: "год" });
  members.a5last = [p1, p2];

  return { year, subjects, classes, members, marks, org, named };
}

export interface Recount {
  learners: number;
  withResult: number;
  successful: number;
  quality: number;
  m5: number;
  m4: number;
  m3: number;
  m2: number;
  average: number | null;
  successRate: number | null;
  qualityRate: number | null;
}

/**
 * The definitions, applied to the rows as written: learners of the group
 * (`members`, with the organisation whose marks count), the period's current
 * rows with a subject (`subjects` narrows them), 2–5 or a credit.
 */
export function recount(world: World, members: { learnerId: string; organisationId: string }[], academicYear: number, period: string, subjects?: string[]): Recount {
  const rows = world.marks.filter(
    (m) =>
      !m.superseded && m.subjectId !== null && m.academicYear === academicYear && m.period === period &&
      (!subjects || subjects.includes(m.subjectId)) &&
      members.some((x) => x.learnerId === m.learnerId && x.organisationId === m.organisationId),
  );
  const own = (id: string) => rows.filter((r) => r.learnerId === id);
  const assessed = members.filter((x) => own(x.learnerId).length > 0);
  const successful = assessed.filter((x) => !own(x.learnerId).some((r) => r.mark === 2 || r.credit === false)).length;
  const quality = members.filter((x) => {
    const marks = own(x.learnerId).filter((r) => r.mark !== null);
    return marks.length > 0 && marks.every((r) => r.mark! >= 4);
  }).length;
  const count = (v: number) => rows.filter((r) => r.mark === v).length;
  const marked = rows.filter((r) => r.mark !== null);
  const pct = (x: number) => (members.length === 0 ? null : Math.round((x / members.length) * 1000) / 10);
  return {
    learners: members.length,
    withResult: assessed.length,
    successful,
    quality,
    m5: count(5),
    m4: count(4),
    m3: count(3),
    m2: count(2),
    average: marked.length === 0 ? null : Math.round((marked.reduce((s, r) => s + r.mark!, 0) / marked.length) * 100) / 100,
    successRate: pct(successful),
    qualityRate: pct(quality),
  };
}
