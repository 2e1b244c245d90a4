// Health aggregates: health groups and PE groups by grade, reusing the health
// statistics' tables (healthStatsTables: current record on the date, open
// enrolment, one per learner; both measures in one scan; small numbers hidden
// for readers who see HEALTH as aggregates only) so the report and the
// dashboard agree figure for figure, hidden ones included.
import type { Actor } from "../../auth/actor";
import type { Db, DbTx } from "../../db";
import type { Drill } from "../dashboards/scope";
import { healthStatsTables, hiddenMark, type HealthStatsTable } from "../health/health-tables";
import { reportHeader, type ReportModel, type ReportTable, type ReportTexts } from "./report-model";

/** A table of grades × the vocabulary's categories with its totals, as the statistics give them (hidden → «<5»). */
function gradeTable(t: ReportTexts, caption: string, table: HealthStatsTable, vocab: Record<string, string>): ReportTable {
  const shown = (count: number | null | undefined) => (count === null ? hiddenMark(table.threshold!) : (count ?? 0));
  const keys = Object.keys(vocab);
  const rows = table.places.map((p) => [
    p.key === "" ? t.columns.noGrade : p.key,
    ...keys.map((k) => shown(table.cells.find((c) => c.key === p.key && c.category === k)?.count)),
    shown(p.count),
  ]);
  const totals = [t.columns.total, ...keys.map((k) => shown(table.categories.find((c) => c.category === k)?.count)), shown(table.total)];
  return { caption, columns: [t.columns.grade, ...Object.values(vocab), t.columns.total], rows, totals };
}

export async function buildHealth(db: Db | DbTx, actor: Actor, drill: Drill, t: ReportTexts, asOf: string): Promise<ReportModel> {
  const header = await reportHeader(db, actor, drill, { asOf });
  // The territory's own table by grade, bound to its row in the chain above it (docs/domain.md, "Small numbers").
  const territory = { municipalityId: drill.municipalityId ?? undefined, organisationId: drill.organisationId ?? undefined };
  const counted = await healthStatsTables(db, actor, { by: "grade", asOf, ...territory }, ["healthGroup", "peGroup"]);
  const health = counted.healthGroup!;
  const tables = [
    gradeTable(t, t.captions.healthGroups, health, t.healthGroups as Record<string, string>),
    gradeTable(t, t.captions.peGroups, counted.peGroup!, t.peGroups as Record<string, string>),
  ];
  return { kind: "health", title: t.titles.health, header, tables, ...(health.threshold === null ? {} : { hiddenBelow: health.threshold }) };
}
