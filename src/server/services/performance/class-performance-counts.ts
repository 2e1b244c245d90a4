// The ministry's marks view (issue 21) reads counts per class instead of the
// marks: ClassPerformanceCount (per class, period and subject group) and
// ClassPerformanceMembers (learners per class), kept by the functions and
// triggers of class-performance-counts.sql beside this file — writes queue the
// classes they touch, a reader flushes the queue before it counts. A group's
// figures are the sums over its classes: a learner counted in two classes of
// one school in one year counts twice at the school's level (the live
// statements of ./measures-sql.ts count them once; docs/performance-of-learners.md).
import type { Db, DbTx } from "../../db";
import { ALL_SUBJECTS, classesInScope, type GroupRow, type MeasureQuery } from "./measures-sql";

/** Recomputes the queued classes; returns how many. Cheap when nothing changed. */
export async function flushClassPerformance(db: Db | DbTx): Promise<number> {
  const [row] = await db.$queryRaw<{ flushed: number }[]>`SELECT "class_performance_flush"() AS "flushed"`;
  return Number(row?.flushed ?? 0);
}

/** Recomputes every class (learner_summary_rebuild does it too). */
export async function rebuildClassPerformance(db: Db | DbTx): Promise<number> {
  const [row] = await db.$queryRaw<{ rebuilt: number }[]>`SELECT "class_performance_rebuild"() AS "rebuilt"`;
  return Number(row?.rebuilt ?? 0);
}

/**
 * Every group with a class of the year in `where` (a group without learners
 * too), summed from the derived counts of its classes; flush first.
 */
export function countedGroupMeasures(db: Db | DbTx, q: MeasureQuery): Promise<GroupRow[]> {
  const subjectKey = q.subjectId ?? ALL_SUBJECTS;
  return db.$queryRaw<GroupRow[]>`
    WITH cls AS (${classesInScope(q)}),
    learners AS (
      SELECT cls."groupKey", sum(m."learners")::int AS "learners"
      FROM cls JOIN "ClassPerformanceMembers" m ON m."classId" = cls."classId"
      GROUP BY 1
    ),
    counts AS (
      SELECT cls."groupKey", sum(k."withResult")::int AS "withResult", sum(k."successful")::int AS "successful",
        sum(k."quality")::int AS "quality", sum(k."m5")::int AS "m5", sum(k."m4")::int AS "m4", sum(k."m3")::int AS "m3",
        sum(k."m2")::int AS "m2", sum(k."markSum")::float8 AS "markSum"
      FROM cls JOIN "ClassPerformanceCount" k ON k."classId" = cls."classId"
      WHERE k."academicYear" = ${q.academicYear}::int AND k."period" = ${q.period} AND k."subjectKey" = ${subjectKey}::uuid
      GROUP BY 1
    )
    SELECT g."groupKey", coalesce(l."learners", 0) AS "learners", coalesce(k."withResult", 0) AS "withResult",
      coalesce(k."successful", 0) AS "successful", coalesce(k."quality", 0) AS "quality", coalesce(k."m5", 0) AS "m5",
      coalesce(k."m4", 0) AS "m4", coalesce(k."m3", 0) AS "m3", coalesce(k."m2", 0) AS "m2", coalesce(k."markSum", 0) AS "markSum"
    FROM (SELECT DISTINCT "groupKey" FROM cls) g
    LEFT JOIN learners l ON l."groupKey" = g."groupKey"
    LEFT JOIN counts k ON k."groupKey" = g."groupKey"
    ORDER BY g."groupKey"`;
}
