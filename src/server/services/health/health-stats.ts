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
import { day } from "../person/person-data";
import { compareRu } from "@/lib/collation";
import type { HealthDimension, HealthMeasure, HealthStatsInput } from "@/lib/schemas/health-stats";
import { pastCountedRows } from "./health-month-counts";

export const ZHealthStatsRow = z.object({ key: z.string(), label: z.string(), category: z.string(), count: z.number() });
export type HealthStatsRow = z.infer<typeof ZHealthStatsRow>;
export const ZHealthStatsOutput = z.array(ZHealthStatsRow);

// The category each measure counts a row of `x` under (one row per learner
// with its current health record, organisation, grade and birth date); NULL
// where the measure does not count the learner at all.
const MEASURE_SQL: Record<HealthMeasure, Prisma.Sql> = {
  healthGroup: Prisma.sql`x."healthGroup"::text`,
  peGroup: Prisma.sql`x."peGroup"::text`,
  disability: Prisma.sql`x."disability"::text`,
  // Needs an adapted programme; a missing ОВЗ category is its own column.
  ovzCategory: Prisma.sql`CASE WHEN x."needsAdaptedProgramme" THEN COALESCE(x."ovzCategory"::text, '') END`,
};

/**
 * The column of the counted rows a dimension groups by (`unit`), and its key
 * and label computed from the grouped unit (alias `g`), joined to its
 * organisation and municipality where the dimension names them.
 */
function dimensionSql(by: HealthDimension, asOf: Date): { unit: Prisma.Sql; key: Prisma.Sql; label: Prisma.Sql; join: Prisma.Sql } {
  const places = Prisma.sql`JOIN "Organisation" o ON o."id" = g."unit" JOIN "Municipality" mu ON mu."id" = o."municipalityId"`;
  switch (by) {
    case "municipality":
      return { unit: Prisma.sql`x."organisationId"`, key: Prisma.sql`mu."id"::text`, label: Prisma.sql`mu."name"`, join: places };
    case "organisation":
      return { unit: Prisma.sql`x."organisationId"`, key: Prisma.sql`o."id"::text`, label: Prisma.sql`o."shortName"`, join: places };
    case "grade": {
      const grade = Prisma.sql`COALESCE(g."unit"::text, '')`;
      return { unit: Prisma.sql`x."grade"`, key: grade, label: grade, join: Prisma.empty };
    }
    case "age": {
      // Computed once per birth date, not once per learner.
      const years = Prisma.sql`date_part('year', age(${asOf}::date, g."unit"))::int::text`;
      return { unit: Prisma.sql`x."birthDate"`, key: years, label: years, join: Prisma.empty };
    }
  }
}

const HEALTH_COLUMNS = ["healthGroup", "peGroup", "disability", "needsAdaptedProgramme", "ovzCategory"] as const;
const healthColumns = (alias: string) => Prisma.raw(HEALTH_COLUMNS.map((c) => `${alias}."${c}"`).join(", "));

/**
 * The counted rows on `asOf`: learners with a held enrolment begun by then
 * (basic first, then the newest) and a health record in force on that day
 * (the newest by then that no correction supersedes).
 *
 * From the per-learner summary, flushed first: its placement is the held
 * enrolment taken basic first, and its record the newest, so both are the ones
 * in force on `asOf` whenever they began by then — always, for today. For a
 * past date, learners placed since take their best other held enrolment begun
 * by then (SecondaryPlacement), and learners examined again since take the
 * record in force on that day (HealthHistory): both kept by the same flush;
 * `health_counted_on` (SQL) is that definition. The integration test checks
 * every path against a recount of every enrolment and record.
 *
 * Each row carries a weight `n`. For today by anything but age, the rows are
 * HealthCount's groups (kept from the summary by its triggers) less the
 * learners whose placement or record is dated later (an index finds them),
 * so a region reads a few hundred thousand groups instead of a million rows.
 * For a past date, they are the date's month counts plus the learners changed
 * within the month (health-month-counts.ts); in a month not counted yet, or
 * before the months kept, every learner is counted from the history.
 */
async function countedRows(db: Db | DbTx, input: { asOf: string; by: HealthDimension }, asOf: Date): Promise<Prisma.Sql> {
  await flushLearnerSummary(db);
  if (summaryAnswers(input.asOf) && input.by !== "age") {
    return Prisma.sql`
      SELECT c."organisationId", c."grade", NULL::date AS "birthDate", ${healthColumns("c")}, c."count" AS "n"
      FROM "HealthCount" c
      UNION ALL
      SELECT s."organisationId", s."grade", s."birthDate", ${healthColumns("s")}, -1
      FROM "LearnerSummary" s
      WHERE s."healthRecordedAt" IS NOT NULL AND GREATEST(s."enrolledAt", s."healthRecordedAt") > ${asOf}::date`;
  }
  if (summaryAnswers(input.asOf)) {
    return Prisma.sql`
      SELECT s."organisationId", s."grade", s."birthDate", ${healthColumns("s")}, 1 AS "n"
      FROM "LearnerSummary" s
      WHERE s."healthRecordedAt" <= ${asOf}::date AND s."enrolledAt" <= ${asOf}::date`;
  }
  return pastCountedRows(input.asOf, healthColumns);
}

/** Region and municipality scopes only: a school's staff read their own learners, not statistics. */
function scopeFilter(actor: Actor) {
  const scope = actor.scope;
  if (scope.kind === "ORGANISATION") throw forbidden();
  return { regionId: scope.regionId, municipalityId: scope.kind === "MUNICIPALITY" ? scope.municipalityId : null };
}

/** One aggregate: learners counted by `by` × the categories of `measure`. */
export async function countHealthStats(db: Db | DbTx, actor: Actor, input: HealthStatsInput): Promise<HealthStatsRow[]> {
  return (await countHealthStatsMany(db, actor, input, [input.measure]))[input.measure]!;
}

/**
 * Several measures by the same dimension in one scan of the counted rows
 * (one grouping set per measure): the report and the export need two to four.
 */
export async function countHealthStatsMany(
  db: Db | DbTx,
  actor: Actor,
  input: Omit<HealthStatsInput, "measure">,
  measures: readonly HealthMeasure[],
): Promise<Partial<Record<HealthMeasure, HealthStatsRow[]>>> {
  const { regionId, municipalityId: scopeMunicipality } = scopeFilter(actor);
  const asOf = day(input.asOf);
  const dim = dimensionSql(input.by, asOf);
  const municipalityId = input.municipalityId ?? null;
  const organisationId = input.organisationId ?? null;
  const c = (i: number) => Prisma.raw(`"c${i}"`);
  const categories = Prisma.join(measures.map((m, i) => Prisma.sql`${MEASURE_SQL[m]} AS ${c(i)}`));
  const grouped = Prisma.join(measures.map((_, i) => Prisma.sql`g.${c(i)}`));
  const sets = Prisma.join(measures.map((_, i) => Prisma.sql`("key", "label", ${c(i)})`));
  const outputs = Prisma.join(measures.map((_, i) => Prisma.sql`${c(i)}, GROUPING(${c(i)}) AS ${Prisma.raw(`"g${i}"`)}`));
  // The counted rows are first summed per unit and categories (a hash
  // aggregate over narrow columns), then labelled and grouped by set: the
  // joins and the grouping sets see thousands of groups, not every learner.
  const rows = await db.$queryRaw<Record<string, string | number | null>[]>(Prisma.sql`
    WITH x AS (${await countedRows(db, input, asOf)}),
    g AS (
      SELECT ${dim.unit} AS "unit", ${categories}, sum(x."n") AS "n"
      FROM x
      WHERE x."organisationId" IN (
          SELECT o."id" FROM "Organisation" o JOIN "Municipality" mu ON mu."id" = o."municipalityId"
          WHERE mu."regionId" = ${regionId}::uuid
            AND (${scopeMunicipality}::uuid IS NULL OR mu."id" = ${scopeMunicipality}::uuid)
            AND (${municipalityId}::uuid IS NULL OR mu."id" = ${municipalityId}::uuid)
            AND (${organisationId}::uuid IS NULL OR o."id" = ${organisationId}::uuid))
        -- Learners no measure counts are left out at the scan (most, for disabilities).
        AND (${Prisma.join(measures.map((m) => Prisma.sql`${MEASURE_SQL[m]} IS NOT NULL`), " OR ")})
      GROUP BY ${Prisma.join(measures.map((_, i) => Prisma.raw(String(i + 2))))}, 1
    )
    SELECT "key", "label", ${outputs}, sum("n")::int AS "count"
    FROM (SELECT ${dim.key} AS "key", ${dim.label} AS "label", ${grouped}, g."n" FROM g ${dim.join}) counted
    GROUP BY GROUPING SETS (${sets})
    HAVING sum("n") > 0`);
  const numeric = input.by === "grade" || input.by === "age";
  const order = (a: HealthStatsRow, b: HealthStatsRow) =>
    numeric
      ? (a.key === "" ? 1 : 0) - (b.key === "" ? 1 : 0) || Number(a.key) - Number(b.key) || a.category.localeCompare(b.category)
      : compareRu(a.label, b.label) || a.category.localeCompare(b.category);
  const result: Partial<Record<HealthMeasure, HealthStatsRow[]>> = {};
  measures.forEach((measure, i) => {
    // A row belongs to the set where its measure's column is grouped; NULL there is "not counted".
    result[measure] = rows
      .filter((r) => Number(r[`g${i}`]) === 0 && r[`c${i}`] !== null)
      .map((r) => ({ key: String(r.key), label: String(r.label), category: String(r[`c${i}`]), count: Number(r.count) }))
      .sort(order);
  });
  return result;
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
