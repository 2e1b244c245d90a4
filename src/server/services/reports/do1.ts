// Additional education in the shape of form 1-ДО.
//
// As of date D a participant counts once per open additional enrolment
// (isBasic = false, level ADDITIONAL, enrolledAt ≤ D, endedAt null or > D):
// the form counts participations by direction, so a child in two programmes of
// different directions appears in both. Direction is the enrolment's
// Programme.direction (none → «направление не указано»); age in full years on
// 1 January of D's year; sex from Learner. One SQL query, grouped in the
// database, over AdditionalParticipation: those enrolments with the learner's
// sex and birth date, kept by the summary's flush (flushed first).
import type { Actor } from "../../auth/actor";
import type { Db, DbTx } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import type { Drill } from "../dashboards/scope";
import { flushLearnerSummary } from "../summary/learner-summary";
import { pivot, reportHeader, type ReportModel, type ReportTexts } from "./report-model";

type Cell = { row: string; col: string; count: number };

export async function buildDo1(db: Db | DbTx, actor: Actor, drill: Drill, t: ReportTexts, asOf: string): Promise<ReportModel> {
  const header = await reportHeader(db, actor, drill, { asOf });
  await flushLearnerSummary(db);
  const jan1 = `${asOf.slice(0, 4)}-01-01`;
  const cells = await db.$queryRaw<(Cell & { age: string })[]>(Prisma.sql`
    SELECT COALESCE(p."direction"::text, '') AS "row",
           date_part('year', age(${jan1}::date, e."birthDate"))::int::text AS "age",
           e."sex"::text AS "col", count(*)::int AS "count"
    FROM "AdditionalParticipation" e
    LEFT JOIN "Programme" p ON p."id" = e."programmeId"
    JOIN "Organisation" o ON o."id" = e."organisationId"
    JOIN "Municipality" mu ON mu."id" = o."municipalityId"
    WHERE e."enrolledAt" <= ${asOf}::date AND (e."endedAt" IS NULL OR e."endedAt" > ${asOf}::date)
      AND ${drill.where}
    GROUP BY 1, 2, 3`);
  const directions = Object.entries(t.directions) as [string, string][];
  const rowKeys = [...directions, ["", t.columns.noDirection] as [string, string]]
    .filter(([k]) => cells.some((c) => c.row === k))
    .map(([key, label]) => ({ key, label }));
  const ages = [...new Set(cells.map((c) => c.age))].sort((a, b) => Number(a) - Number(b));
  // Columns: each age × sex, so the table reads "direction × age × sex".
  const cols = ages.flatMap((a) => [
    { key: `${a}|MALE`, label: `${a}: ${t.columns.male}` },
    { key: `${a}|FEMALE`, label: `${a}: ${t.columns.female}` },
  ]);
  const flat = cells.map((c) => ({ row: c.row, col: `${c.age}|${c.col}`, count: Number(c.count) }));
  return {
    kind: "do1",
    title: t.titles.do1,
    header,
    tables: [pivot(t.captions.do1, t.columns.direction, rowKeys, cols, flat, t.columns.total)],
  };
}
