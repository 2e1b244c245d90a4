// Health statistics as tables with their totals, as every reader receives
// them: exact for roles that read HEALTH, with small numbers hidden for roles
// that see HEALTH as aggregates only (stageAccess(role, "HEALTH") ===
// "aggregate": the education officers). docs/domain.md, "Small numbers".
//
// Suppression is decided top-down so that every view of the same figure
// agrees: the region's table by municipality first, then a municipality's
// table by organisation bound to its row there, then an organisation's table
// by grade bound to its row there; a table of another dimension (age, grade
// across schools, one place alone) is bound to the margins of its place.
// Health and PE groups count the same learners (same row totals), so they are
// suppressed together as one linked table.
import { z } from "zod";
import type { Actor } from "../../auth/actor";
import { stageAccess, type Role } from "../../authz/matrix";
import { rowPattern, suppressTable, totalsPattern, type MarginPattern, type SuppressedTable, type TableBlock } from "../../authz/small-numbers";
import type { Db, DbTx } from "../../db";
import { serverEnv } from "../../env";
import type { HealthDimension, HealthMeasure, HealthStatsInput } from "@/lib/schemas/health-stats";
import { countHealthStatsMany, type HealthStatsRow } from "./health-stats";

const zCount = z.number().int().nullable();
export const ZHealthStatsTable = z.object({
  /** Non-zero cells; a missing cell is 0. */
  cells: z.array(z.object({ key: z.string(), label: z.string(), category: z.string(), count: zCount })),
  /** Row totals, one per place (or grade, or age) with any learner counted. */
  places: z.array(z.object({ key: z.string(), label: z.string(), count: zCount })),
  /** Column totals, one per category with any learner counted. */
  categories: z.array(z.object({ category: z.string(), count: zCount })),
  total: zCount,
  /** Set when small numbers are hidden: a null count reads «<threshold» (1 to threshold − 1, or hidden so it cannot be recomputed). */
  threshold: z.number().int().nullable(),
});
export type HealthStatsTable = z.infer<typeof ZHealthStatsTable>;

/** The figure shown for a hidden count. */
export const hiddenMark = (threshold: number) => `<${threshold}`;

/** The threshold below which `role` must not see a health count; null for exact figures. From the matrix, never a role name. */
export function smallCellThreshold(role: Role): number | null {
  return stageAccess(role, "HEALTH") === "aggregate" ? serverEnv().KONTINGENT_SMALL_CELL_THRESHOLD : null;
}

// Measures counting the same learners: one table with linked blocks.
const FAMILIES: readonly (readonly HealthMeasure[])[] = [["healthGroup", "peGroup"], ["disability"], ["ovzCategory"]];

type Filters = Omit<HealthStatsInput, "measure">;

/** Rows × one block per measure, from the SQL rows (kept in their order). */
function shape(counted: Partial<Record<HealthMeasure, HealthStatsRow[]>>, family: readonly HealthMeasure[]) {
  const places = new Map<string, string>();
  for (const m of family) for (const r of counted[m] ?? []) if (!places.has(r.key)) places.set(r.key, r.label);
  const keys = [...places.keys()];
  const blocks: TableBlock[] = family.map((m) => {
    const rows = counted[m] ?? [];
    const columns = [...new Set(rows.map((r) => r.category))].sort();
    // One pass over the rows (a region has thousands of places × categories).
    const sums = new Map<string, number>();
    for (const r of rows) sums.set(`${r.key}\u0000${r.category}`, (sums.get(`${r.key}\u0000${r.category}`) ?? 0) + r.count);
    const cells = keys.map((k) => columns.map((c) => sums.get(`${k}\u0000${c}`) ?? 0));
    return { columns, cells };
  });
  return { keys, labels: [...places.values()], blocks };
}
type Shaped = ReturnType<typeof shape>;

function solve(shaped: Shaped, threshold: number | null, outer?: MarginPattern): SuppressedTable {
  const { keys, blocks } = shaped;
  if (threshold !== null) {
    const sums = blocks.map((b) => b.cells.map((row) => row.reduce((s, v) => s + v, 0)).join());
    // Linked only when the blocks do count the same learners; otherwise each alone.
    if (sums.every((s) => s === sums[0])) return suppressTable(keys.length, blocks, threshold, outer);
    const alone = blocks.map((b, i) => suppressTable(keys.length, [b], threshold, outer && { columns: [outer.columns[i] ?? {}], total: outer.total }));
    return { cells: alone.map((t) => t.cells[0]!), rowTotals: alone[0]!.rowTotals, columnTotals: alone.map((t) => t.columnTotals[0]!), total: alone[0]!.total };
  }
  const sum = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0);
  return {
    cells: blocks.map((b) => b.cells.map((row) => [...row])),
    rowTotals: keys.map((_, r) => sum(blocks[0]?.cells[r] ?? [])),
    columnTotals: blocks.map((b) => b.columns.map((_, c) => sum(b.cells.map((row) => row[c]!)))),
    total: sum(blocks[0]?.cells.flat() ?? []),
  };
}

function output(shaped: Shaped, table: SuppressedTable, block: number, threshold: number | null): HealthStatsTable {
  const { keys, labels, blocks } = shaped;
  const columns = blocks[block]!.columns;
  return {
    cells: keys.flatMap((key, r) =>
      columns.flatMap((category, c) => {
        const count = table.cells[block]![r]![c]!;
        return count === 0 ? [] : [{ key, label: labels[r]!, category, count }];
      }),
    ),
    places: keys.map((key, r) => ({ key, label: labels[r]!, count: table.rowTotals[r]! })),
    categories: columns.map((category, c) => ({ category, count: table.columnTotals[block]![c]! })),
    total: table.total,
    threshold,
  };
}

/** The table of a drill-down level, if `by` is that level's own dimension. */
const NATURAL: Record<"region" | "municipality" | "organisation", HealthDimension> = { region: "municipality", municipality: "organisation", organisation: "grade" };

/**
 * Several measures by one dimension, as tables. For an "aggregate" reader the
 * chain region → municipality → organisation is solved over the whole region
 * (the same answer for every officer, whatever its scope) and only the
 * requested table, within the reader's scope, is returned.
 */
export async function healthStatsTables(
  db: Db | DbTx,
  actor: Actor,
  input: Filters,
  measures: readonly HealthMeasure[],
): Promise<Partial<Record<HealthMeasure, HealthStatsTable>>> {
  const threshold = smallCellThreshold(actor.role);
  const families = FAMILIES.filter((f) => f.some((m) => measures.includes(m))).map((f) => (threshold === null ? f.filter((m) => measures.includes(m)) : f));
  // What the reader may see, by its own scope: the figures of the answer.
  const counted = await countHealthStatsMany(db, actor, input, families.flat());
  const result: Partial<Record<HealthMeasure, HealthStatsTable>> = {};
  for (const family of families) {
    const shaped = shape(counted, family);
    const table = threshold === null || shaped.keys.length === 0 ? solve(shaped, threshold) : await suppressed(db, actor, input, family, shaped, threshold);
    family.forEach((m, i) => {
      if (measures.includes(m)) result[m] = output(shaped, table, i, threshold);
    });
  }
  return result;
}

async function suppressed(db: Db | DbTx, actor: Actor, input: Filters, family: readonly HealthMeasure[], requested: Shaped, threshold: number): Promise<SuppressedTable> {
  // The chain reads the whole region: a municipal officer's tables must agree with the regional officer's.
  const region: Actor = { ...actor, scope: { kind: "REGION", regionId: actor.scope.regionId } };
  const { asOf } = input;
  const scopeMunicipality = actor.scope.kind === "MUNICIPALITY" ? actor.scope.municipalityId : undefined;
  const organisationId = input.organisationId;
  const municipalityId = organisationId
    ? (await db.organisation.findUnique({ where: { id: organisationId }, select: { municipalityId: true } }))?.municipalityId
    : (input.municipalityId ?? scopeMunicipality);
  const level = organisationId ? "organisation" : municipalityId ? "municipality" : "region";
  const natural = NATURAL[level] === input.by;

  const step = async (filters: Omit<Filters, "asOf">, outer?: MarginPattern) => {
    const shaped = shape(await countHealthStatsMany(db, region, { ...filters, asOf }, family), family);
    return { shaped, table: solve(shaped, threshold, outer) };
  };
  const rowOf = (t: Awaited<ReturnType<typeof step>>, key: string | undefined): MarginPattern => {
    const r = key === undefined ? -1 : t.shaped.keys.indexOf(key);
    // A place with nobody counted above has only zeros: nothing to bind.
    return r < 0 ? { columns: [], total: false } : rowPattern(t.table, t.shaped.blocks, r);
  };
  let chain = await step({ by: "municipality" });
  let margins = totalsPattern(chain.table, chain.shaped.blocks);
  if (level !== "region") {
    margins = rowOf(chain, municipalityId);
    if (level === "organisation" || natural) {
      chain = await step({ by: "organisation", municipalityId }, margins);
      if (level === "organisation") {
        margins = rowOf(chain, organisationId);
        if (natural) chain = await step({ by: "grade", organisationId }, margins);
      }
    }
  }
  // The chain's table, when it is the one asked for, read with the reader's own figures' rows.
  if (natural && sameRows(chain.shaped, requested)) return chain.table;
  return solve(requested, threshold, margins);
}

const sameRows = (a: Shaped, b: Shaped) => a.keys.join("\u0000") === b.keys.join("\u0000") && JSON.stringify(a.blocks) === JSON.stringify(b.blocks);

/** One measure by one dimension (the procedures' `counts`). */
export async function healthStatsTable(db: Db | DbTx, actor: Actor, input: HealthStatsInput): Promise<HealthStatsTable> {
  const { measure, ...filters } = input;
  return (await healthStatsTables(db, actor, filters, [measure]))[measure]!;
}
