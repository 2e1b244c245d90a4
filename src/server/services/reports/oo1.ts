// Contingent in the shape of form ОО-1.
//
// As of date D a learner counts when it has a basic enrolment (isBasic) at a
// general school level (PRIMARY, BASIC, SECONDARY) with enrolledAt ≤ D and
// (endedAt null or endedAt > D). The grade is the enrolment's grade: grade
// changes over time live in MovementEvent, and for enrolments still open this
// version uses the current placement (acceptable for an as-of view within the
// school year). Sex comes from Learner; age is in full years on 1 January of
// D's year. A learner with two such enrolments (a data-quality error) is
// counted once, by its newest enrolment. Aggregated in SQL in one query.
import type { Actor } from "../../auth/actor";
import type { Db, DbTx } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { drillOrganisations, type Drill } from "../dashboards/scope";
import { pivot, reportHeader, type ReportModel, type ReportTexts } from "./report-model";
import { flushLearnerSummary, summaryAnswers } from "../summary/learner-summary";

type Cell = { row: string; col: string; count: number };

const GENERAL = Prisma.sql`('PRIMARY', 'BASIC', 'SECONDARY')`;


/**
 * The open basic general-school enrolments on `asOf`, one per learner (CTE
 * `enr`), from the per-learner summary (flushed by the caller). A held basic
 * enrolment is the summary's row (a learner holds at most one: unique index
 * `Enrolment_one_active_basic_per_learner`, and the summary takes the basic
 * one first). For a past date, enrolments ended since then were also open on
 * it: they come from `Enrolment` through a small partial index, and where a
 * learner has both, the newer enrolment counts (ties go to the held one, the
 * later-created) — the same rule as recounting every enrolment, which the
 * integration test checks against.
 */
function openBasic(drill: Drill, asOf: string) {
  const held = Prisma.sql`
    SELECT s."learnerId", s."grade", s."sex", s."birthDate", s."enrolledAt"
    FROM "LearnerSummary" s
    WHERE s."isBasic" AND s."level" IN ${GENERAL} AND s."enrolledAt" <= ${asOf}::date
      AND s."organisationId" IN (${drillOrganisations(drill)})`;
  if (summaryAnswers(asOf)) return held;
  return Prisma.sql`
    WITH ended AS MATERIALIZED (
      SELECT DISTINCT ON (e."learnerId") e."learnerId", e."grade", l."sex", l."birthDate", e."enrolledAt"
      FROM "Enrolment" e
      JOIN "Learner" l ON l."id" = e."learnerId"
      WHERE e."status" = 'ENDED' AND e."isBasic" AND e."endedAt" > ${asOf}::date
        AND e."level" IN ${GENERAL} AND e."enrolledAt" <= ${asOf}::date
        AND e."organisationId" IN (${drillOrganisations(drill)})
      ORDER BY e."learnerId", e."enrolledAt" DESC, e."createdAt" DESC
    )
    SELECT h.* FROM (${held}) h
    WHERE NOT EXISTS (SELECT 1 FROM ended x WHERE x."learnerId" = h."learnerId" AND x."enrolledAt" > h."enrolledAt")
    UNION ALL
    SELECT x.* FROM ended x
    WHERE NOT EXISTS (SELECT 1 FROM (${held}) h WHERE h."learnerId" = x."learnerId" AND h."enrolledAt" >= x."enrolledAt")`;
}

const byNumber = (a: string, b: string) => (a === "" ? 1 : 0) - (b === "" ? 1 : 0) || Number(a) - Number(b);

export async function buildOo1(db: Db | DbTx, actor: Actor, drill: Drill, t: ReportTexts, asOf: string): Promise<ReportModel> {
  const header = await reportHeader(db, actor, drill, { asOf });
  const gradeLabel = (g: string) => (g === "" ? t.columns.noGrade : g);
  await flushLearnerSummary(db);
  const jan1 = `${asOf.slice(0, 4)}-01-01`;
  // One scan for both tables: counts per grade × sex × age; pivot() adds up each way.
  // Counted per birth date first, so the age is computed per date, not per learner.
  const cells = await db.$queryRaw<{ grade: string; sex: string; age: string; count: number }[]>(Prisma.sql`
    WITH enr AS (${openBasic(drill, asOf)})
    SELECT COALESCE(b."grade"::text, '') AS "grade", b."sex"::text AS "sex",
           date_part('year', age(${jan1}::date, b."birthDate"))::int::text AS "age", sum(b."n")::int AS "count"
    FROM (SELECT enr."grade", enr."sex", enr."birthDate", count(*) AS "n" FROM enr GROUP BY 1, 2, 3) b
    GROUP BY 1, 2, 3`);
  const bySex: Cell[] = cells.map((c) => ({ row: c.grade, col: c.sex, count: c.count }));
  const byAge: Cell[] = cells.map((c) => ({ row: c.age, col: c.grade, count: c.count }));
  const grades = [...new Set([...bySex.map((c) => c.row), ...byAge.map((c) => c.col)])].sort(byNumber);
  const ages = [...new Set(byAge.map((c) => c.row))].sort(byNumber);
  const sexes = [
    { key: "MALE", label: t.columns.male },
    { key: "FEMALE", label: t.columns.female },
  ];
  return {
    kind: "oo1",
    title: t.titles.oo1,
    header,
    tables: [
      pivot(t.captions.oo1Grade, t.columns.grade, grades.map((g) => ({ key: g, label: gradeLabel(g) })), sexes, bySex, t.columns.total),
      pivot(
        t.captions.oo1Age,
        t.columns.age,
        ages.map((a) => ({ key: a, label: a })),
        grades.map((g) => ({ key: g, label: gradeLabel(g) })),
        byAge,
        t.columns.total,
      ),
    ],
  };
}
