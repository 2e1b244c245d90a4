// The ГИА figures of a territory for a year and the year before, counted in
// the database: one statement for the exam results (grouped by subject and by
// place at once, GROUPING SETS), one for the certificates, one for the rows
// not matched to a subject. Definitions: docs/features.md, "ГИА results".
//
// - One result per learner, subject, year and scale: of several rows (a retake,
//   a correction typed as a new row) the latest recorded one counts.
// - Scale: ОГЭ and ГВЭ are marks, ЕГЭ test scores, except ЕГЭ mathematics at
//   the basic level (ФЦТ code 22), which is marked (the table's check
//   ExamResult_scores_by_kind allows nothing else). The scale is part of a
//   result's key, so a learner's базовая and профильная mathematics are two
//   results of the one vocabulary subject, on two rows that never mix.
// - Below the minimum: a mark «2», or a test score below the subject's ЕГЭ
//   minimum (minimum-scores.ts; no published minimum = not counted as below).
import type { ExamKind } from "../../generated/prisma/enums";
import type { Db, DbTx } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import type { Drill } from "../dashboards/scope";
import { EGE_BASIC_MATH } from "../gia-import/parse-row";
import { EGE_MINIMUM_SCORES } from "./minimum-scores";

export type Scale = "mark" | "score";

/** The figures of one group of results (a subject on one scale, or a place), for one year. */
export interface GiaFigures {
  year: number;
  participants: number;
  /** Marks «2»…«5» (mark scale). */
  marks: [number, number, number, number];
  /** Score bands: below minimum, minimum–60, 61–80, 81–99, 100 (score scale). */
  bands: [number, number, number, number, number];
  /** Rows with neither the mark nor the test score of their scale. */
  noResult: number;
  below: number;
  hundred: number;
  /** Sum and count of the marks or test scores, for the average. */
  valueSum: number;
  valueCount: number;
}

export interface SubjectFigures extends GiaFigures {
  subjectId: string;
  code: string;
  name: string;
  sortOrder: number;
  scale: Scale;
  minimum: number | null;
}

export interface PlaceFigures extends GiaFigures {
  placeId: string;
  name: string;
}

export interface HonoursFigures {
  placeId: string;
  name: string;
  year: number;
  honours: number;
}

/** The level of certificate issued after each exam: ОГЭ/ГВЭ close basic general education, ЕГЭ secondary. */
export const certificateLevelOf = (kind: ExamKind) => (kind === "EGE" ? "SECONDARY_GENERAL" : "BASIC_GENERAL");

/** Places one level below the territory: the region's municipalities, or a municipality's organisations (an organisation: itself). */
const placeColumns = (byOrganisation: boolean) =>
  byOrganisation ? Prisma.sql`o."id" AS "placeId", o."shortName" AS "placeName"` : Prisma.sql`mu."id" AS "placeId", mu."name" AS "placeName"`;

const minimums = () =>
  Prisma.join(Object.entries(EGE_MINIMUM_SCORES).map(([code, min]) => Prisma.sql`(${code}::text, ${min}::int)`));

type Row = {
  grp: number;
  subjectId: string | null;
  code: string | null;
  name: string | null;
  sortOrder: number | null;
  scale: Scale | null;
  minimum: number | null;
  placeId: string | null;
  placeName: string | null;
  year: number;
  n: number;
  m2: number;
  m3: number;
  m4: number;
  m5: number;
  b0: number;
  b1: number;
  b2: number;
  b3: number;
  b4: number;
  none: number;
  below: number;
  valueSum: number;
  valueCount: number;
};

function figures(r: Row): GiaFigures {
  return {
    year: Number(r.year),
    participants: Number(r.n),
    marks: [Number(r.m2), Number(r.m3), Number(r.m4), Number(r.m5)],
    bands: [Number(r.b0), Number(r.b1), Number(r.b2), Number(r.b3), Number(r.b4)],
    noResult: Number(r.none),
    below: Number(r.below),
    hundred: Number(r.b4),
    valueSum: Number(r.valueSum),
    valueCount: Number(r.valueCount),
  };
}

export async function countGiaResults(db: Db | DbTx, drill: Drill, byOrganisation: boolean, kind: ExamKind, year: number) {
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    WITH tagged AS (
      SELECT e."learnerId", e."subjectId", e."year", e."mark", e."testScore", e."createdAt", e."id", ${placeColumns(byOrganisation)},
             CASE WHEN e."kind" = 'EGE' AND e."giaSubjectCode" IS DISTINCT FROM ${EGE_BASIC_MATH}::int THEN 'score' ELSE 'mark' END AS "scale"
      FROM "ExamResult" e
      JOIN "Organisation" o ON o."id" = e."organisationId"
      JOIN "Municipality" mu ON mu."id" = o."municipalityId"
      WHERE e."kind" = ${kind}::"ExamKind" AND e."year" IN (${year}::int, ${year - 1}::int)
        AND e."subjectId" IS NOT NULL AND ${drill.where}
    ), latest AS (
      SELECT DISTINCT ON (t."learnerId", t."subjectId", t."year", t."scale") t.*
      FROM tagged t
      ORDER BY t."learnerId", t."subjectId", t."year", t."scale", t."createdAt" DESC, t."id" DESC
    ), r AS (
      SELECT l.*, s."code", s."name", s."sortOrder", CASE WHEN l."scale" = 'score' THEN mins."minimum" END AS "minimum",
             CASE WHEN l."scale" = 'mark' THEN l."mark" ELSE l."testScore" END AS "value"
      FROM latest l
      JOIN "Subject" s ON s."id" = l."subjectId"
      LEFT JOIN (VALUES ${minimums()}) AS mins("code", "minimum") ON mins."code" = s."code"
    )
    SELECT GROUPING(r."placeId")::int AS "grp",
           r."subjectId"::text AS "subjectId", r."code", r."name", r."sortOrder", r."scale", r."minimum",
           r."placeId"::text AS "placeId", r."placeName", r."year"::int AS "year",
           count(*)::int AS "n",
           count(*) FILTER (WHERE r."scale" = 'mark' AND r."mark" = 2)::int AS "m2",
           count(*) FILTER (WHERE r."scale" = 'mark' AND r."mark" = 3)::int AS "m3",
           count(*) FILTER (WHERE r."scale" = 'mark' AND r."mark" = 4)::int AS "m4",
           count(*) FILTER (WHERE r."scale" = 'mark' AND r."mark" = 5)::int AS "m5",
           count(*) FILTER (WHERE r."scale" = 'score' AND r."testScore" < r."minimum")::int AS "b0",
           count(*) FILTER (WHERE r."scale" = 'score' AND r."testScore" >= COALESCE(r."minimum", 0) AND r."testScore" <= 60)::int AS "b1",
           count(*) FILTER (WHERE r."scale" = 'score' AND r."testScore" BETWEEN 61 AND 80)::int AS "b2",
           count(*) FILTER (WHERE r."scale" = 'score' AND r."testScore" BETWEEN 81 AND 99)::int AS "b3",
           count(*) FILTER (WHERE r."scale" = 'score' AND r."testScore" = 100)::int AS "b4",
           count(*) FILTER (WHERE r."value" IS NULL OR (r."scale" = 'mark' AND r."mark" NOT BETWEEN 2 AND 5)
                                  OR (r."scale" = 'score' AND r."testScore" NOT BETWEEN 0 AND 100))::int AS "none",
           count(*) FILTER (WHERE (r."scale" = 'mark' AND r."mark" = 2) OR (r."scale" = 'score' AND r."testScore" < r."minimum"))::int AS "below",
           COALESCE(sum(r."value") FILTER (WHERE (r."scale" = 'mark' AND r."mark" BETWEEN 2 AND 5) OR (r."scale" = 'score' AND r."testScore" BETWEEN 0 AND 100)), 0)::int AS "valueSum",
           count(r."value") FILTER (WHERE (r."scale" = 'mark' AND r."mark" BETWEEN 2 AND 5) OR (r."scale" = 'score' AND r."testScore" BETWEEN 0 AND 100))::int AS "valueCount"
    FROM r
    GROUP BY GROUPING SETS ((r."subjectId", r."code", r."name", r."sortOrder", r."scale", r."minimum", r."year"), (r."placeId", r."placeName", r."year"))
    ORDER BY 1, r."sortOrder", r."name", r."scale", r."placeName", r."year"`);
  const subjects: SubjectFigures[] = [];
  const places: PlaceFigures[] = [];
  for (const r of rows) {
    // GROUPING(placeId) = 1: the place was rolled up, so this is a subject's row.
    if (Number(r.grp) === 1) {
      subjects.push({ ...figures(r), subjectId: r.subjectId!, code: r.code!, name: r.name!, sortOrder: Number(r.sortOrder), scale: r.scale!, minimum: r.minimum === null ? null : Number(r.minimum) });
    } else places.push({ ...figures(r), placeId: r.placeId!, name: r.placeName! });
  }
  return { subjects, places };
}

/** Certificates with honours issued in the year and the year before, by place (the level that follows the exam). */
export async function countHonours(db: Db | DbTx, drill: Drill, byOrganisation: boolean, kind: ExamKind, year: number): Promise<HonoursFigures[]> {
  const rows = await db.$queryRaw<{ placeId: string; placeName: string; year: number; honours: number }[]>(Prisma.sql`
    SELECT ${placeColumns(byOrganisation)}, date_part('year', c."issuedAt")::int AS "year", count(*)::int AS "honours"
    FROM "Certificate" c
    JOIN "Organisation" o ON o."id" = c."organisationId"
    JOIN "Municipality" mu ON mu."id" = o."municipalityId"
    WHERE c."level" = ${certificateLevelOf(kind)}::"CertificateLevel" AND c."withHonours"
      AND c."issuedAt" >= make_date(${year - 1}::int, 1, 1) AND c."issuedAt" < make_date(${year + 1}::int, 1, 1)
      AND ${drill.where}
    GROUP BY 1, 2, 3`);
  return rows.map((r) => ({ placeId: String(r.placeId), name: r.placeName, year: Number(r.year), honours: Number(r.honours) }));
}

/** Results of the year not matched to a vocabulary subject: not counted above, shown as their number. */
export async function countUnmapped(db: Db | DbTx, drill: Drill, kind: ExamKind, year: number): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>(Prisma.sql`
    SELECT count(*)::int AS "n"
    FROM "ExamResult" e
    JOIN "Organisation" o ON o."id" = e."organisationId"
    JOIN "Municipality" mu ON mu."id" = o."municipalityId"
    WHERE e."kind" = ${kind}::"ExamKind" AND e."year" = ${year}::int AND e."subjectId" IS NULL AND ${drill.where}`);
  return Number(row?.n ?? 0);
}
