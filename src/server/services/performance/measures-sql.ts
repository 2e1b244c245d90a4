// The one definition of the performance measures (issue 21) in SQL, shared by
// the school's view of a class and the ministry's view by territory: the same
// statements, grouped by class, organisation or municipality. Set-based, plain
// PostgreSQL (runs on PGlite too). Definitions: docs/performance-of-learners.md.
//
// Who the learners of a class are and which of their results count is defined
// once, in SQL: the functions class_performance_members and
// class_performance_marks of ./class-performance-counts.sql, which also keep
// the derived counts per class the ministry's view reads
// (./class-performance-counts.ts). The statements here compute the measures
// live from them: the school's view of one class, and the recount the derived
// counts are tested against.
import type { Db, DbTx } from "../../db";
import { Prisma } from "../../generated/prisma/client";

export type GroupLevel = "class" | "organisation" | "municipality";

export interface MeasureQuery {
  level: GroupLevel;
  academicYear: number;
  period: string;
  /** Condition on the aliases c (SchoolClass), o (Organisation), mu (Municipality). */
  where: Prisma.Sql;
  /** One subject together with the subjects under it (Алгебра, Геометрия → Математика); none = every subject. */
  subjectId?: string | null;
}

/** Counts of one group (or one group and subject); rates and averages are derived by ./measures.ts. */
export interface MeasureCounts {
  /** Learners of the group: the denominator of every share. */
  learners: number;
  /** Learners with at least one counted result (mark or credit). */
  withResult: number;
  /** Learners with a result and no "2" and no незачёт. */
  successful: number;
  /** Learners with at least one mark, every mark 4 or 5. */
  quality: number;
  m5: number;
  m4: number;
  m3: number;
  m2: number;
  /** Sum of the marks 2–5 (credits are not marks): the average is markSum / (m5+m4+m3+m2). */
  markSum: number;
}

const GROUP_KEY: Record<GroupLevel, Prisma.Sql> = {
  class: Prisma.sql`c."id"`,
  organisation: Prisma.sql`c."organisationId"`,
  municipality: Prisma.sql`o."municipalityId"`,
};

/** The nil UUID: the derived counts' subject key for every subject together (class-performance-counts.sql). */
export const ALL_SUBJECTS = "00000000-0000-0000-0000-000000000000";

/** Body of a CTE: the classes of the year in `where` ("classId", "organisationId") with their group's key. */
export function classesInScope(q: Pick<MeasureQuery, "level" | "academicYear" | "where">): Prisma.Sql {
  return Prisma.sql`
      SELECT c."id" AS "classId", c."organisationId", ${GROUP_KEY[q.level]}::text AS "groupKey"
      FROM "SchoolClass" c
      JOIN "Organisation" o ON o."id" = c."organisationId"
      JOIN "Municipality" mu ON mu."id" = o."municipalityId"
      WHERE c."academicYear" = ${q.academicYear}::int AND ${q.where}`;
}

/**
 * CTEs cls (classes), members (learners of each group) and marks (counted
 * results of each group): a learner or a mark belongs to a group once, however
 * many of its classes hold them.
 */
function baseCtes(q: MeasureQuery): Prisma.Sql {
  const subject = q.subjectId
    ? Prisma.sql`AND k."subjectId" IN (SELECT s."id" FROM "Subject" s WHERE s."id" = ${q.subjectId}::uuid OR s."parentId" = ${q.subjectId}::uuid)`
    : Prisma.empty;
  return Prisma.sql`
    cls AS (${classesInScope(q)}),
    members AS (
      SELECT DISTINCT cls."groupKey", m."learnerId"
      FROM "class_performance_members"(ARRAY(SELECT "classId" FROM cls)) m
      JOIN cls ON cls."classId" = m."classId"
    ),
    marks AS (
      SELECT DISTINCT cls."groupKey", k."learnerId", k."gradeId", k."subjectId", k."mark", k."credit"
      FROM "class_performance_marks"(ARRAY(SELECT "classId" FROM cls), ${q.period}::text) k
      JOIN cls ON cls."classId" = k."classId"
      WHERE true ${subject}
    ),
    learners AS (SELECT "groupKey", count(DISTINCT "learnerId")::int AS "n" FROM members GROUP BY 1)`;
}

/** Per learner (and subject, when `bySubject`): failing results, marks, marks of 4–5. */
const perLearner = (bySubject: boolean) => Prisma.sql`
  SELECT "groupKey", "learnerId" ${bySubject ? Prisma.sql`, "subjectId"` : Prisma.empty},
         count(*) FILTER (WHERE "mark" = 2 OR "credit" = false) AS "fails",
         count("mark") AS "marks",
         count(*) FILTER (WHERE "mark" >= 4) AS "good"
  FROM marks GROUP BY 1, 2 ${bySubject ? Prisma.sql`, 3` : Prisma.empty}`;

const learnerCounts = Prisma.sql`
  count(*)::int AS "withResult",
  count(*) FILTER (WHERE "fails" = 0)::int AS "successful",
  count(*) FILTER (WHERE "marks" > 0 AND "good" = "marks")::int AS "quality"`;

const markCounts = Prisma.sql`
  count(*) FILTER (WHERE "mark" = 5)::int AS "m5",
  count(*) FILTER (WHERE "mark" = 4)::int AS "m4",
  count(*) FILTER (WHERE "mark" = 3)::int AS "m3",
  count(*) FILTER (WHERE "mark" = 2)::int AS "m2",
  coalesce(sum("mark"), 0)::float8 AS "markSum"`;

const zeroIfNull = Prisma.sql`
  coalesce(l."n", 0) AS "learners", coalesce(s."withResult", 0) AS "withResult", coalesce(s."successful", 0) AS "successful",
  coalesce(s."quality", 0) AS "quality", coalesce(k."m5", 0) AS "m5", coalesce(k."m4", 0) AS "m4", coalesce(k."m3", 0) AS "m3",
  coalesce(k."m2", 0) AS "m2", coalesce(k."markSum", 0) AS "markSum"`;

export type GroupRow = MeasureCounts & { groupKey: string };

/** Every group with a class of the year in `where` (a group without learners too): all subjects together. */
export function groupMeasures(db: Db | DbTx, q: MeasureQuery): Promise<GroupRow[]> {
  return db.$queryRaw<GroupRow[]>`
    WITH ${baseCtes(q)},
    per_learner AS (${perLearner(false)}),
    lstats AS (SELECT "groupKey", ${learnerCounts} FROM per_learner GROUP BY 1),
    kstats AS (SELECT "groupKey", ${markCounts} FROM marks GROUP BY 1)
    SELECT g."groupKey", ${zeroIfNull}
    FROM (SELECT DISTINCT "groupKey" FROM cls) g
    LEFT JOIN learners l ON l."groupKey" = g."groupKey"
    LEFT JOIN lstats s ON s."groupKey" = g."groupKey"
    LEFT JOIN kstats k ON k."groupKey" = g."groupKey"
    ORDER BY g."groupKey"`;
}

export type SubjectRow = MeasureCounts & { groupKey: string; subjectId: string; code: string; name: string; sortOrder: number };

/** Per group and subject with any counted result; `learners` is the group's (the shares' denominator). */
export function subjectMeasures(db: Db | DbTx, q: MeasureQuery): Promise<SubjectRow[]> {
  return db.$queryRaw<SubjectRow[]>`
    WITH ${baseCtes(q)},
    per_learner AS (${perLearner(true)}),
    lstats AS (SELECT "groupKey", "subjectId", ${learnerCounts} FROM per_learner GROUP BY 1, 2),
    kstats AS (SELECT "groupKey", "subjectId", ${markCounts} FROM marks GROUP BY 1, 2)
    SELECT s."groupKey", s."subjectId"::text AS "subjectId", sub."code", sub."name", sub."sortOrder", ${zeroIfNull}
    FROM lstats s
    JOIN kstats k ON k."groupKey" = s."groupKey" AND k."subjectId" = s."subjectId"
    JOIN "Subject" sub ON sub."id" = s."subjectId"
    LEFT JOIN learners l ON l."groupKey" = s."groupKey"
    ORDER BY s."groupKey", sub."sortOrder", sub."name"`;
}

export interface LearnerResultRow {
  learnerId: string;
  subjectId: string | null;
  mark: number | null;
  credit: boolean | null;
}

/** Every learner of the groups with each counted result (subjectId NULL for a learner without any): the marks table. */
export function learnerResults(db: Db | DbTx, q: MeasureQuery): Promise<LearnerResultRow[]> {
  return db.$queryRaw<LearnerResultRow[]>`
    WITH ${baseCtes(q)}
    SELECT mb."learnerId"::text AS "learnerId", k."subjectId"::text AS "subjectId", k."mark"::int AS "mark", k."credit"
    FROM members mb
    LEFT JOIN marks k ON k."groupKey" = mb."groupKey" AND k."learnerId" = mb."learnerId"`;
}
