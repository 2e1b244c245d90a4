// The ministry's view of performance (issue 21): for an academic year and a
// period, the measures by municipality → organisation → class within the
// officer's scope (region: every municipality; municipal: its own; a place
// outside it: NOT_FOUND), one subject (with the subjects under it) or all,
// with the territory's totals and the previous academic year beside them.
// Aggregates only, small numbers hidden (./suppressed-levels.ts); not audited
// on screen (no learner is named), audited as report.export in the files.
import { z } from "zod";
import { classLabelOf } from "@/lib/classes/class-year";
import { compareRu } from "@/lib/collation";
import type { TerritoryPerformanceInput } from "@/lib/schemas/performance";
import { academicYearLabel } from "@/lib/schemas/programme";
import type { Actor } from "../../auth/actor";
import { canReadTerritoryPerformance, permits } from "../../authz/permissions";
import type { Db, DbTx } from "../../db";
import { serverEnv } from "../../env";
import { badRequest, forbidden } from "../../errors";
import { drillMunicipality, resolveDrill, territoryName } from "../dashboards/scope";
import { flushClassPerformance } from "./class-performance-counts";
import { change } from "./measures";
import type { GroupLevel } from "./measures-sql";
import { suppressedLevel, type Figures, type LevelTable } from "./suppressed-levels";

const zCount = z.number().int().nullable();
export const ZFigures = z.object({
  /** null: hidden (a small number, or one that would give a hidden one back). */
  learners: zCount,
  marks: z.object({ m5: zCount, m4: zCount, m3: zCount, m2: zCount }),
  average: z.number().nullable(),
  successRate: z.number().nullable(),
  qualityRate: z.number().nullable(),
});
const ZDelta = z.object({ average: z.number().nullable(), successRate: z.number().nullable(), qualityRate: z.number().nullable() });

export const ZTerritoryPerformanceOutput = z.object({
  level: z.enum(["municipality", "organisation", "class"]),
  academicYear: z.number(),
  yearLabel: z.string(),
  previousYearLabel: z.string(),
  period: z.string(),
  territory: z.string(),
  subject: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Counts from 1 to threshold − 1 (and those that would reveal one) are null. */
  threshold: z.number().int(),
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      /** Where a click drills down: a municipality's organisations, an organisation's classes; null for a class. */
      drill: z.object({ municipalityId: z.string().optional(), organisationId: z.string().optional() }).nullable(),
      current: ZFigures,
      previous: ZFigures.nullable(),
      delta: ZDelta,
    }),
  ),
  totals: z.object({ current: ZFigures, previous: ZFigures, delta: ZDelta }),
});
export type TerritoryPerformance = z.infer<typeof ZTerritoryPerformanceOutput>;

const deltaOf = (current: Figures, previous: Figures | null) => ({
  average: change(current.average, previous?.average ?? null, 2),
  successRate: change(current.successRate, previous?.successRate ?? null, 1),
  qualityRate: change(current.qualityRate, previous?.qualityRate ?? null, 1),
});

/** Labels of the rows, and how each row is matched with last year's: by id, a class by its name («5А»). */
async function labelsOf(db: Db | DbTx, level: GroupLevel, keys: string[]): Promise<Map<string, { label: string; match: string; grade: number; letter: string }>> {
  if (level === "class") {
    const rows = await db.schoolClass.findMany({ where: { id: { in: keys } }, select: { id: true, grade: true, letter: true } });
    return new Map(rows.map((c) => [c.id, { label: classLabelOf(c.grade, c.letter), match: classLabelOf(c.grade, c.letter), grade: c.grade, letter: c.letter }]));
  }
  const rows =
    level === "organisation"
      ? (await db.organisation.findMany({ where: { id: { in: keys } }, select: { id: true, shortName: true } })).map((o) => ({ id: o.id, name: o.shortName }))
      : await db.municipality.findMany({ where: { id: { in: keys } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, { label: r.name, match: r.id, grade: 0, letter: "" }]));
}

export async function territoryPerformance(db: Db | DbTx, actor: Actor, input: TerritoryPerformanceInput): Promise<TerritoryPerformance> {
  if (!permits(canReadTerritoryPerformance, actor)) throw forbidden();
  const drill = await resolveDrill(db, actor, { municipalityId: input.municipalityId, organisationId: input.organisationId });
  const subject = input.subjectId ? await db.subject.findUnique({ where: { id: input.subjectId }, select: { id: true, name: true } }) : null;
  if (input.subjectId && !subject) throw badRequest("Выберите предмет из справочника", "subjectId");
  const chain = {
    regionId: drill.regionId,
    municipalityId: drillMunicipality(actor, drill),
    organisationId: drill.organisationId,
    period: input.period,
    subjectId: subject?.id ?? null,
    threshold: serverEnv().KONTINGENT_SMALL_CELL_THRESHOLD,
  };
  // Every committed write is in the figures, as on the dashboards.
  await flushClassPerformance(db);
  const current = await suppressedLevel(db, { ...chain, academicYear: input.academicYear });
  const previous = await suppressedLevel(db, { ...chain, academicYear: input.academicYear - 1 });
  const [labels, previousLabels] = await Promise.all([labelsOf(db, current.level, current.keys), labelsOf(db, previous.level, previous.keys)]);
  const previousByMatch = new Map(previous.keys.map((k, i) => [previousLabels.get(k)?.match ?? k, previous.rows[i]!]));
  const rows = current.keys.map((key, i) => {
    const label = labels.get(key);
    const before = previousByMatch.get(label?.match ?? key) ?? null;
    return {
      key,
      label: label?.label ?? "",
      drill: drillOf(current, key),
      current: current.rows[i]!,
      previous: before,
      delta: deltaOf(current.rows[i]!, before),
      order: label ?? { grade: 0, letter: "", label: "" },
    };
  });
  rows.sort((a, b) =>
    current.level === "class" ? a.order.grade - b.order.grade || compareRu(a.order.letter, b.order.letter) : compareRu(a.label, b.label),
  );
  return {
    level: current.level,
    academicYear: input.academicYear,
    yearLabel: academicYearLabel(input.academicYear),
    previousYearLabel: academicYearLabel(input.academicYear - 1),
    period: input.period,
    territory: await territoryName(db, actor, drill),
    subject,
    threshold: chain.threshold,
    rows: rows.map(({ order: _order, ...r }) => r),
    totals: { current: current.totals, previous: previous.totals, delta: deltaOf(current.totals, previous.totals) },
  };
}

function drillOf(table: LevelTable, key: string) {
  if (table.level === "municipality") return { municipalityId: key };
  if (table.level === "organisation") return { organisationId: key };
  return null;
}

/** The subjects an officer may filter by: the vocabulary's active ones, a parent before its children. */
export async function performanceSubjects(db: Db, actor: Actor) {
  if (!permits(canReadTerritoryPerformance, actor)) throw forbidden();
  const rows = await db.subject.findMany({ where: { active: true }, select: { id: true, name: true, parentId: true, sortOrder: true } });
  const parents = rows.filter((s) => !s.parentId).sort((a, b) => a.sortOrder - b.sortOrder || compareRu(a.name, b.name));
  return parents.flatMap((p) => [
    { id: p.id, name: p.name, parentId: null },
    ...rows
      .filter((c) => c.parentId === p.id)
      .sort((a, b) => a.sortOrder - b.sortOrder || compareRu(a.name, b.name))
      .map((c) => ({ id: c.id, name: c.name, parentId: p.id })),
  ]);
}
