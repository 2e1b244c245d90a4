// Contingent in the shape of form ОО-1.
//
// As of date D a learner counts when it has a basic enrolment (isBasic) at a
// general school level (PRIMARY, BASIC, SECONDARY) with enrolledAt ≤ D and
// (endedAt null or endedAt > D). The grade is the enrolment's grade: grade
// changes over time live in MovementEvent, and for enrolments still open this
// version uses the current placement (acceptable for an as-of view within the
// school year). Sex comes from Learner; age is in full years on 1 January of
// D's year. A learner with two such enrolments (a data-quality error) is
// counted once, by its newest enrolment. Aggregated in SQL, one query per table.
import { reportsRu } from "@/messages/reports-ru";
import type { Actor } from "../../auth/actor";
import type { Db, DbTx } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { pivot, reportHeader, scopeSql, type ReportModel } from "./report-model";
import { flushLearnerSummary, summaryAnswers } from "../summary/learner-summary";

const t = reportsRu.reports;
type Cell = { row: string; col: string; count: number };

/**
 * The open basic general-school enrolments on `asOf`, one per learner (CTE
 * `enr`). From today on, the per-learner summary holds them (its current
 * enrolment is the basic one whenever there is one); an earlier date
 * recomputes them from the enrolments' dates.
 */
function openBasic(actor: Actor, asOf: string) {
  if (summaryAnswers(asOf)) {
    return Prisma.sql`
      SELECT s."learnerId", s."grade", s."sex", s."birthDate"
      FROM "LearnerSummary" s
      WHERE s."isBasic" AND s."level" IN ('PRIMARY', 'BASIC', 'SECONDARY') AND s."enrolledAt" <= ${asOf}::date
        AND s."organisationId" IN (
          SELECT o."id" FROM "Organisation" o JOIN "Municipality" mu ON mu."id" = o."municipalityId" WHERE ${scopeSql(actor)})`;
  }
  return Prisma.sql`
    SELECT DISTINCT ON (e."learnerId") e."learnerId", e."grade", l."sex", l."birthDate"
    FROM "Enrolment" e
    JOIN "Learner" l ON l."id" = e."learnerId"
    JOIN "Organisation" o ON o."id" = e."organisationId"
    JOIN "Municipality" mu ON mu."id" = o."municipalityId"
    WHERE e."isBasic" AND e."level" IN ('PRIMARY', 'BASIC', 'SECONDARY')
      AND e."enrolledAt" <= ${asOf}::date AND (e."endedAt" IS NULL OR e."endedAt" > ${asOf}::date)
      AND ${scopeSql(actor)}
    ORDER BY e."learnerId", e."enrolledAt" DESC, e."createdAt" DESC`;
}

const gradeLabel = (g: string) => (g === "" ? t.columns.noGrade : g);
const byNumber = (a: string, b: string) => (a === "" ? 1 : 0) - (b === "" ? 1 : 0) || Number(a) - Number(b);

export async function buildOo1(db: Db | DbTx, actor: Actor, asOf: string): Promise<ReportModel> {
  const header = await reportHeader(db, actor, { asOf });
  if (summaryAnswers(asOf)) await flushLearnerSummary(db);
  const jan1 = `${asOf.slice(0, 4)}-01-01`;
  const bySex = await db.$queryRaw<Cell[]>(Prisma.sql`
    WITH enr AS (${openBasic(actor, asOf)})
    SELECT COALESCE(enr."grade"::text, '') AS "row", enr."sex"::text AS "col", count(*)::int AS "count"
    FROM enr GROUP BY 1, 2`);
  const byAge = await db.$queryRaw<Cell[]>(Prisma.sql`
    WITH enr AS (${openBasic(actor, asOf)})
    SELECT date_part('year', age(${jan1}::date, enr."birthDate"))::int::text AS "row",
           COALESCE(enr."grade"::text, '') AS "col", count(*)::int AS "count"
    FROM enr GROUP BY 1, 2`);
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
