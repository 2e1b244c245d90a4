// The school's view of one class's performance for a period (issue 21): per
// subject the average mark, «успеваемость», «качество знаний» and the counts of
// 5/4/3/2; the learners with a "2" (or незачёт) and those without any result,
// named; per learner the marks table. Only the school's own classes (another
// school's class: NOT_FOUND), only the school's own marks. The read names
// learners' marks, so it is audited with the learners it listed.
import { z } from "zod";
import { classLabelOf } from "@/lib/classes/class-year";
import { compareRu } from "@/lib/collation";
import type { ClassPerformanceInput } from "@/lib/schemas/performance";
import { academicYearLabel } from "@/lib/schemas/programme";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import { canReadClassPerformance, permits } from "../../authz/permissions";
import type { Db, DbTx } from "../../db";
import { forbidden, notFound } from "../../errors";
import { Prisma } from "../../generated/prisma/client";
import { byClassLabel, measuresOf, ZMeasures } from "./measures";
import { groupMeasures, learnerResults, subjectMeasures, type MeasureQuery } from "./measures-sql";

const ZLearnerRef = z.object({ learnerId: z.string(), name: z.string() });

export const ZClassPerformanceOutput = z.object({
  class: z.object({ id: z.string(), label: z.string(), academicYear: z.number(), yearLabel: z.string() }),
  period: z.string(),
  overall: ZMeasures,
  subjects: z.array(z.object({ subjectId: z.string(), code: z.string(), name: z.string(), measures: ZMeasures })),
  /** Learners with a "2" or незачёт, with the subjects where. */
  failing: z.array(ZLearnerRef.extend({ subjects: z.array(z.string()) })),
  /** Learners without any counted result in the period («не аттестованы»). */
  withoutResult: z.array(ZLearnerRef),
  /** The marks table: learners × subjects (the subjects of `subjects`, in order); a cell holds the marks as written. */
  table: z.array(ZLearnerRef.extend({ cells: z.record(z.string(), z.string()) })),
});
export type ClassPerformance = z.infer<typeof ZClassPerformanceOutput>;

export const ZSchoolClassesOutput = z.array(
  z.object({ id: z.string(), academicYear: z.number(), yearLabel: z.string(), label: z.string() }),
);

function ownOrganisation(actor: Actor): string {
  if (!permits(canReadClassPerformance, actor) || actor.scope.kind !== "ORGANISATION") throw forbidden();
  return actor.scope.organisationId;
}

/** The school's classes of every year it has, newest year first: what the page offers. */
export async function listPerformanceClasses(db: Db, actor: Actor): Promise<z.infer<typeof ZSchoolClassesOutput>> {
  const organisationId = ownOrganisation(actor);
  const rows = await db.schoolClass.findMany({ where: { organisationId }, select: { id: true, academicYear: true, grade: true, letter: true } });
  rows.sort((a, b) => b.academicYear - a.academicYear || byClassLabel(a, b));
  return rows.map((c) => ({ id: c.id, academicYear: c.academicYear, yearLabel: academicYearLabel(c.academicYear), label: classLabelOf(c.grade, c.letter) }));
}

const fullName = (l: { lastName: string; firstName: string; middleName: string | null }) =>
  [l.lastName, l.firstName, l.middleName].filter(Boolean).join(" ");

const resultText = (r: { mark: number | null; credit: boolean | null }) => (r.mark !== null ? String(r.mark) : r.credit ? "зач" : "незач");

export async function classPerformance(db: Db, actor: Actor, input: ClassPerformanceInput, ip: string | null): Promise<ClassPerformance> {
  const organisationId = ownOrganisation(actor);
  return db.$transaction(async (tx) => {
    const cls = await tx.schoolClass.findFirst({
      where: { id: input.classId, organisationId },
      select: { id: true, academicYear: true, grade: true, letter: true },
    });
    if (!cls) throw notFound("Класс не найден");
    const q: MeasureQuery = { level: "class", academicYear: cls.academicYear, period: input.period, where: Prisma.sql`c."id" = ${cls.id}::uuid` };
    const [overall] = await groupMeasures(tx, q);
    const subjectRows = await subjectMeasures(tx, q);
    const results = await learnerResults(tx, q);
    const view = await assemble(tx, results, subjectRows);
    const out: ClassPerformance = {
      class: { id: cls.id, label: classLabelOf(cls.grade, cls.letter), academicYear: cls.academicYear, yearLabel: academicYearLabel(cls.academicYear) },
      period: input.period,
      overall: measuresOf(overall!),
      subjects: subjectRows.map((s) => ({ subjectId: s.subjectId, code: s.code, name: s.name, measures: measuresOf(s, { creditOnlyHasNoQuality: true }) })),
      ...view,
    };
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "performance.class.read",
      entityType: "SchoolClass",
      entityId: cls.id,
      details: { academicYear: cls.academicYear, period: input.period, learners: out.table.length, grades: results.filter((r) => r.subjectId).length },
      learnerIds: out.table.map((r) => r.learnerId),
    });
    return out;
  });
}

/** Names the learners and lays their results out by subject. */
async function assemble(tx: DbTx, results: Awaited<ReturnType<typeof learnerResults>>, subjects: { subjectId: string; name: string }[]) {
  const ids = [...new Set(results.map((r) => r.learnerId))];
  const people = await tx.learner.findMany({ where: { id: { in: ids } }, select: { id: true, lastName: true, firstName: true, middleName: true } });
  const names = new Map(people.map((p) => [p.id, fullName(p)]));
  const subjectName = new Map(subjects.map((s) => [s.subjectId, s.name]));
  const cells = new Map<string, Map<string, string[]>>(ids.map((id) => [id, new Map()]));
  const failed = new Map<string, Set<string>>();
  for (const r of results) {
    if (!r.subjectId) continue;
    const bySubject = cells.get(r.learnerId)!;
    bySubject.set(r.subjectId, [...(bySubject.get(r.subjectId) ?? []), resultText(r)]);
    if (r.mark === 2 || r.credit === false) failed.set(r.learnerId, (failed.get(r.learnerId) ?? new Set()).add(r.subjectId));
  }
  const ordered = ids.map((learnerId) => ({ learnerId, name: names.get(learnerId) ?? "" })).sort((a, b) => compareRu(a.name, b.name));
  return {
    failing: ordered
      .filter((l) => failed.has(l.learnerId))
      .map((l) => ({ ...l, subjects: [...failed.get(l.learnerId)!].map((id) => subjectName.get(id) ?? "").sort(compareRu) })),
    withoutResult: ordered.filter((l) => cells.get(l.learnerId)!.size === 0),
    table: ordered.map((l) => ({ ...l, cells: Object.fromEntries([...cells.get(l.learnerId)!].map(([s, marks]) => [s, marks.join(", ")])) })),
  };
}
