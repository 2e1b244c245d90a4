// Contingent counts computed in the database from the per-learner summary:
// the drill-down units (municipalities of the region, organisations of a
// municipality, classes of an organisation) × level × sex, grade × sex, and the
// age pyramid. Counts by group only, never a row per learner.
import { z } from "zod";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { flushLearnerSummary } from "../summary/learner-summary";
import type { DrillInput } from "@/lib/schemas/dashboards";
import { currentCounts, currentLearners, resolveDrill, type Drill } from "./scope";
import { compareRuNumeric } from "@/lib/collation";
import { regionToday } from "@/lib/time-zone";

const ZSex = z.enum(["MALE", "FEMALE"]);
export const ZContingentOutput = z.object({
  level: z.enum(["region", "municipality", "organisation"]),
  units: z.array(z.object({ key: z.string(), label: z.string(), level: z.string(), sex: ZSex, count: z.number() })),
  grades: z.array(z.object({ grade: z.number().nullable(), sex: ZSex, count: z.number() })),
});
export type ContingentOutput = z.infer<typeof ZContingentOutput>;
export const ZAgePyramidOutput = z.array(z.object({ age: z.number(), sex: ZSex, count: z.number() }));

/** The unit one drill-down step below the current level. */
function unitSql(drill: Drill): { key: Prisma.Sql; label: Prisma.Sql } {
  switch (drill.level) {
    case "region":
      return { key: Prisma.sql`enr."municipalityId"::text`, label: Prisma.sql`enr."municipalityName"` };
    case "municipality":
      return { key: Prisma.sql`enr."organisationId"::text`, label: Prisma.sql`enr."orgName"` };
    case "organisation": {
      // "4|А" keys a class; the label is what a school calls it ("4А").
      const key = Prisma.sql`COALESCE(enr."grade"::text, '') || '|' || COALESCE(enr."classLetter", '')`;
      return { key, label: Prisma.sql`COALESCE(enr."grade"::text, '') || COALESCE(enr."classLetter", '')` };
    }
  }
}

export async function countContingent(db: Db, actor: Actor, input: DrillInput): Promise<ContingentOutput> {
  const drill = await resolveDrill(db, actor, input);
  await flushLearnerSummary(db);
  const unit = unitSql(drill);
  type Sex = "MALE" | "FEMALE";
  // Both charts from one pass over the summary: GROUPING(grade) = 1 marks the unit rows.
  const rows = await db.$queryRaw<{ key: string; label: string; level: string; grade: number | null; sex: Sex; count: number; byUnit: number }[]>(Prisma.sql`
    WITH enr AS (${currentCounts(drill)})
    SELECT ${unit.key} AS "key", ${unit.label} AS "label", enr."level"::text AS "level", enr."grade"::int AS "grade",
           enr."sex"::text AS "sex", sum(enr."n")::int AS "count", GROUPING(enr."grade")::int AS "byUnit"
    FROM enr
    GROUP BY GROUPING SETS ((${unit.key}, ${unit.label}, enr."level", enr."sex"), (enr."grade", enr."sex"))`);
  const units = rows.filter((r) => Number(r.byUnit) === 1).map(({ key, label, level, sex, count }) => ({ key, label, level, sex, count }));
  const grades = rows
    .filter((r) => Number(r.byUnit) === 0)
    .sort((a, b) => (a.grade ?? Infinity) - (b.grade ?? Infinity) || a.sex.localeCompare(b.sex));
  return {
    level: drill.level,
    units: units
      .map((r) => ({ ...r, count: Number(r.count) }))
      .sort((a, b) => compareRuNumeric(a.label, b.label) || a.level.localeCompare(b.level) || a.sex.localeCompare(b.sex)),
    grades: grades.map((r) => ({ grade: r.grade === null ? null : Number(r.grade), sex: r.sex, count: Number(r.count) })),
  };
}

/** Learners by age in full years today (the region's today, not the database session's) × sex (counted per birth date first: one age per date). */
export async function countAgePyramid(db: Db, actor: Actor, input: DrillInput) {
  const drill = await resolveDrill(db, actor, input);
  await flushLearnerSummary(db);
  const rows = await db.$queryRaw<{ age: number; sex: "MALE" | "FEMALE"; count: number }[]>(Prisma.sql`
    WITH enr AS (${currentLearners(drill)})
    SELECT date_part('year', age(${regionToday()}::date, b."birthDate"))::int AS "age", b."sex"::text AS "sex", sum(b."n")::int AS "count"
    FROM (SELECT enr."birthDate", enr."sex", count(*) AS "n" FROM enr GROUP BY 1, 2) b
    GROUP BY 1, 2
    ORDER BY 1, 2`);
  return rows.map((r) => ({ age: Number(r.age), sex: r.sex, count: Number(r.count) }));
}
