// XLSX exports of the health aggregates: one row per place of the drill-down
// level (municipality → organisation → grade), one column per category. The
// export is audited with report, filters and row count in the same transaction
// as the reads, before the file is handed out.
import ExcelJS from "exceljs";
import { healthStatsRu } from "@/messages/health-stats-ru";
import { programmesRu } from "@/messages/programmes-ru";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db";
import type { HealthDimension, HealthMeasure } from "@/lib/schemas/health-stats";
import { resolveDrill, territoryName } from "../dashboards/scope";
import { healthStatsTables, hiddenMark, type HealthStatsTable } from "./health-tables";

export const HEALTH_REPORTS = ["groups", "disabilities", "adapted"] as const;
export type HealthReport = (typeof HEALTH_REPORTS)[number];

export interface HealthExportFilters {
  report: HealthReport;
  municipalityId?: string;
  organisationId?: string;
  asOf: string;
}

const t = healthStatsRu.healthStats;

/** Columns of a report: each measure's categories, in vocabulary order. */
const REPORT_COLUMNS: Record<HealthReport, { measure: HealthMeasure; categories: Record<string, string> }[]> = {
  groups: [
    { measure: "healthGroup", categories: Object.fromEntries(Object.entries(t.healthGroups).map(([k, v]) => [k, `${t.sections.healthGroups}: ${v}`])) },
    { measure: "peGroup", categories: t.peGroups },
  ],
  disabilities: [{ measure: "disability", categories: t.disabilities }],
  adapted: [{ measure: "ovzCategory", categories: { ...programmesRu.programmeVocab.ovzCategories, "": t.ovzUnspecified } }],
};

/** The drill-down level: the region by municipality, a municipality by organisation, an organisation by grade. */
export function levelOf(filters: { municipalityId?: string; organisationId?: string }): HealthDimension {
  return filters.organisationId ? "grade" : filters.municipalityId ? "organisation" : "municipality";
}

export interface HealthSheet {
  header: string[];
  rows: (string | number)[][];
  /** The column totals as the server decided them with the cells (hidden ones «<5»); null without rows. */
  totals: (string | number)[] | null;
}

/** The sheet of a report from its tables (one per measure, same places); hidden counts read «<5». */
export function buildSheet(report: HealthReport, by: HealthDimension, tables: HealthStatsTable[]): HealthSheet {
  const columns = REPORT_COLUMNS[report];
  const placeHeader = by === "municipality" ? t.municipality : by === "organisation" ? t.organisation : t.grade;
  const header = [placeHeader, ...columns.flatMap((c) => Object.values(c.categories)), t.total];
  const shown = (table: HealthStatsTable | undefined, count: number | null | undefined) => (count === null ? hiddenMark(table!.threshold!) : (count ?? 0));
  const places = new Map<string, string>();
  for (const table of tables) for (const p of table.places) if (!places.has(p.key)) places.set(p.key, p.label || t.noGrade);
  const rows = [...places].map(([key, label]) => {
    const cells = columns.flatMap((c, i) =>
      Object.keys(c.categories).map((cat) => shown(tables[i], tables[i]?.cells.find((r) => r.key === key && r.category === cat)?.count)),
    );
    // The first measure covers every counted learner of the place: its row total is the total.
    return [label, ...cells, shown(tables[0], tables[0]?.places.find((p) => p.key === key)?.count)];
  });
  const columnTotals = columns.flatMap((c, i) => Object.keys(c.categories).map((cat) => shown(tables[i], tables[i]?.categories.find((x) => x.category === cat)?.count)));
  const totals = rows.length ? [t.total, ...columnTotals, shown(tables[0], tables[0]?.total)] : null;
  return { header, rows, totals };
}

export async function exportHealthStats(db: Db, actor: Actor, filters: HealthExportFilters, ip: string | null) {
  const by = levelOf(filters);
  const { municipalityId, organisationId, asOf } = filters;
  const sheet = await db.$transaction(async (tx) => {
    // The territory within the reader's scope (outside it: NOT_FOUND), named in the title and the file name.
    const territory = await territoryName(tx, actor, await resolveDrill(tx, actor, { municipalityId, organisationId }));
    const measures = REPORT_COLUMNS[filters.report].map((column) => column.measure);
    const counted = await healthStatsTables(tx, actor, { by, municipalityId, organisationId, asOf }, measures);
    const tables = measures.map((measure) => counted[measure]!);
    const built = { ...buildSheet(filters.report, by, tables), threshold: tables[0]?.threshold ?? null, territory };
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "health.export",
      entityType: "HealthStats",
      details: { report: filters.report, format: "xlsx", filters: { municipalityId: municipalityId ?? null, organisationId: organisationId ?? null, asOf }, territory, rows: built.rows.length },
    });
    return built;
  });
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(t.reports[filters.report]);
  const title = `${t.reports[filters.report]} — ${sheet.territory} — ${t.asOf.toLowerCase()} ${asOf.split("-").reverse().join(".")}`;
  ws.addRow([sheet.threshold === null ? title : `${title}. ${t.hiddenNote.replaceAll("{n}", String(sheet.threshold))}`]);
  ws.addRow(sheet.header).font = { bold: true };
  for (const row of sheet.rows) ws.addRow(row);
  if (sheet.totals) ws.addRow(sheet.totals).font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 40 : 16));
  return { file: await workbook.xlsx.writeBuffer(), sheet };
}
