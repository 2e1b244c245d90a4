// Health statistics for the Ministry of Health portal and the education
// officers' "aggregates only" view: counts by group, computed in the database,
// never a row per learner.
//
// A learner counts when it has a current health record on the as-of date (its
// newest row recorded by then, by recordedAt then createdAt, that no other row
// supersedes) and an ACTIVE or PENDING_TRANSFER enrolment (a pending transfer
// is still counted by the sender), attributed to that enrolment's organisation
// and grade. A learner with several such enrolments counts once: the basic one
// wins over additional ones.
import { z } from "zod";
import type { Actor } from "../../auth/actor";
import type { Db, DbTx } from "../../db";
import { forbidden } from "../../errors";
import { flushLearnerSummary, summaryAnswers } from "../summary/learner-summary";
import { Prisma } from "../../generated/prisma/client";
import { day } from "../learners/person-data";

export const HEALTH_MEASURES = ["healthGroup", "peGroup", "disability", "ovzCategory"] as const;
export type HealthMeasure = (typeof HEALTH_MEASURES)[number];
export const HEALTH_DIMENSIONS = ["municipality", "organisation", "grade", "age"] as const;
export type HealthDimension = (typeof HEALTH_DIMENSIONS)[number];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const ZHealthStatsInput = z.object({
  measure: z.enum(HEALTH_MEASURES),
  by: z.enum(HEALTH_DIMENSIONS),
  municipalityId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
  asOf: z.string().regex(ISO_DATE).refine((s) => !Number.isNaN(day(s).getTime()), "Неверная дата"),
});
export type HealthStatsInput = z.infer<typeof ZHealthStatsInput>;

export const ZHealthStatsRow = z.object({ key: z.string(), label: z.string(), category: z.string(), count: z.number() });
export type HealthStatsRow = z.infer<typeof ZHealthStatsRow>;
export const ZHealthStatsOutput = z.array(ZHealthStatsRow);

// Columns of the counted rows (alias `x`: one row per learner with its
// current health record, organisation, grade and birth date).
const MEASURE_SQL: Record<HealthMeasure, { column: Prisma.Sql; where: Prisma.Sql }> = {
  healthGroup: { column: Prisma.sql`x."healthGroup"::text`, where: Prisma.sql`TRUE` },
  peGroup: { column: Prisma.sql`x."peGroup"::text`, where: Prisma.sql`TRUE` },
  disability: { column: Prisma.sql`x."disability"::text`, where: Prisma.sql`x."disability" IS NOT NULL` },
  // Needs an adapted programme; a missing ОВЗ category is its own column.
  ovzCategory: { column: Prisma.sql`COALESCE(x."ovzCategory"::text, '')`, where: Prisma.sql`x."needsAdaptedProgramme"` },
};

function dimensionSql(by: HealthDimension, asOf: Date): { key: Prisma.Sql; label: Prisma.Sql } {
  switch (by) {
    case "municipality":
      return { key: Prisma.sql`mu."id"::text`, label: Prisma.sql`mu."name"` };
    case "organisation":
      return { key: Prisma.sql`o."id"::text`, label: Prisma.sql`o."shortName"` };
    case "grade":
      return { key: Prisma.sql`COALESCE(x."grade"::text, '')`, label: Prisma.sql`COALESCE(x."grade"::text, '')` };
    case "age": {
      const years = Prisma.sql`date_part('year', age(${asOf}::date, x."birthDate"))::int::text`;
      return { key: years, label: years };
    }
  }
}

/**
 * The counted rows on `asOf`. From today on, the per-learner summary holds
 * them (its current record and enrolment, flushed first); an earlier date
 * recomputes them from the detail tables.
 */
async function countedRows(db: Db | DbTx, input: HealthStatsInput, asOf: Date): Promise<Prisma.Sql> {
  if (summaryAnswers(input.asOf)) {
    await flushLearnerSummary(db);
    return Prisma.sql`
      SELECT s."learnerId", s."organisationId", s."grade", s."birthDate", s."healthGroup", s."peGroup", s."disability",
             s."needsAdaptedProgramme", s."ovzCategory"
      FROM "LearnerSummary" s
      WHERE s."healthRecordedAt" <= ${asOf}::date AND s."enrolledAt" <= ${asOf}::date`;
  }
  return Prisma.sql`
    WITH cur AS (
      SELECT DISTINCT ON (h."learnerId") h."learnerId", h."healthGroup", h."peGroup", h."disability",
             h."needsAdaptedProgramme", h."ovzCategory"
      FROM "HealthRecord" h
      WHERE h."recordedAt" <= ${asOf}::date
        AND NOT EXISTS (SELECT 1 FROM "HealthRecord" s WHERE s."supersedesId" = h."id")
      ORDER BY h."learnerId", h."recordedAt" DESC, h."createdAt" DESC
    ), enr AS (
      SELECT DISTINCT ON (e."learnerId") e."learnerId", e."organisationId", e."grade"
      FROM "Enrolment" e
      WHERE e."status" IN ('ACTIVE', 'PENDING_TRANSFER') AND e."enrolledAt" <= ${asOf}::date
      ORDER BY e."learnerId", e."isBasic" DESC, e."enrolledAt" DESC, e."createdAt" DESC
    )
    SELECT cur."learnerId", enr."organisationId", enr."grade", l."birthDate", cur."healthGroup", cur."peGroup", cur."disability",
           cur."needsAdaptedProgramme", cur."ovzCategory"
    FROM cur
    JOIN enr ON enr."learnerId" = cur."learnerId"
    JOIN "Learner" l ON l."id" = cur."learnerId"`;
}

/** Region and municipality scopes only: a school's staff read their own learners, not statistics. */
function scopeFilter(actor: Actor) {
  const scope = actor.scope;
  if (scope.kind === "ORGANISATION") throw forbidden();
  return { regionId: scope.regionId, municipalityId: scope.kind === "MUNICIPALITY" ? scope.municipalityId : null };
}

/** One aggregate: learners counted by `by` × the categories of `measure`. */
export async function countHealthStats(db: Db | DbTx, actor: Actor, input: HealthStatsInput): Promise<HealthStatsRow[]> {
  const { regionId, municipalityId: scopeMunicipality } = scopeFilter(actor);
  const asOf = day(input.asOf);
  const measure = MEASURE_SQL[input.measure];
  const dim = dimensionSql(input.by, asOf);
  const municipalityId = input.municipalityId ?? null;
  const organisationId = input.organisationId ?? null;
  const rows = await db.$queryRaw<{ key: string; label: string; category: string; count: number }[]>(Prisma.sql`
    WITH x AS (${await countedRows(db, input, asOf)})
    SELECT ${dim.key} AS "key", ${dim.label} AS "label", ${measure.column} AS "category", count(*)::int AS "count"
    FROM x
    JOIN "Organisation" o ON o."id" = x."organisationId"
    JOIN "Municipality" mu ON mu."id" = o."municipalityId"
    WHERE mu."regionId" = ${regionId}::uuid
      AND (${scopeMunicipality}::uuid IS NULL OR mu."id" = ${scopeMunicipality}::uuid)
      AND (${municipalityId}::uuid IS NULL OR mu."id" = ${municipalityId}::uuid)
      AND (${organisationId}::uuid IS NULL OR o."id" = ${organisationId}::uuid)
      AND ${measure.where}
    GROUP BY 1, 2, 3`);
  const numeric = input.by === "grade" || input.by === "age";
  return rows
    .map((r) => ({ key: r.key, label: r.label, category: r.category, count: Number(r.count) }))
    .sort((a, b) =>
      numeric
        ? (a.key === "" ? 1 : 0) - (b.key === "" ? 1 : 0) || Number(a.key) - Number(b.key) || a.category.localeCompare(b.category)
        : a.label.localeCompare(b.label, "ru") || a.category.localeCompare(b.category),
    );
}

/** Municipalities and organisations the actor may drill into (names for the breadcrumb). */
export async function healthStatsPlaces(db: Db, actor: Actor) {
  const { regionId, municipalityId } = scopeFilter(actor);
  const municipalities = await db.municipality.findMany({
    where: { regionId, ...(municipalityId ? { id: municipalityId } : {}) },
    orderBy: { name: "asc" },
    select: { id: true, name: true, organisations: { orderBy: { shortName: "asc" }, select: { id: true, shortName: true } } },
  });
  return municipalities;
}
