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
import { countHealthStatsMany, type HealthDimension, type HealthMeasure, type HealthStatsRow } from "./health-stats";

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
}

export function buildSheet(report: HealthReport, by: HealthDimension, results: HealthStatsRow[][]): HealthSheet {
  const columns = REPORT_COLUMNS[report];
  const placeHeader = by === "municipality" ? t.municipality : by === "organisation" ? t.organisation : t.grade;
  const header = [placeHeader, ...columns.flatMap((c) => Object.values(c.categories)), t.total];
  const places = new Map<string, string>();
  for (const rows of results) for (const r of rows) if (!places.has(r.key)) places.set(r.key, r.label || t.noGrade);
  const rows = [...places].map(([key, label]) => {
    const cells = columns.flatMap((c, i) =>
      Object.keys(c.categories).map((cat) => results[i]?.find((r) => r.key === key && r.category === cat)?.count ?? 0),
    );
    // The first measure covers every counted learner of the place: its sum is the total.
    const total = (results[0] ?? []).filter((r) => r.key === key).reduce((s, r) => s + r.count, 0);
    return [label, ...cells, total];
  });
  return { header, rows };
}

export async function exportHealthStats(db: Db, actor: Actor, filters: HealthExportFilters, ip: string | null) {
  const by = levelOf(filters);
  const { municipalityId, organisationId, asOf } = filters;
  const sheet = await db.$transaction(async (tx) => {
    const measures = REPORT_COLUMNS[filters.report].map((column) => column.measure);
    const counted = await countHealthStatsMany(tx, actor, { by, municipalityId, organisationId, asOf }, measures);
    const results: HealthStatsRow[][] = measures.map((measure) => counted[measure] ?? []);
    const built = buildSheet(filters.report, by, results);
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "health.export",
      entityType: "HealthStats",
      details: { report: filters.report, format: "xlsx", filters: { municipalityId: municipalityId ?? null, organisationId: organisationId ?? null, asOf }, rows: built.rows.length },
    });
    return built;
  });
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(t.reports[filters.report]);
  ws.addRow([`${t.reports[filters.report]} — ${t.asOf.toLowerCase()} ${asOf.split("-").reverse().join(".")}`]);
  ws.addRow(sheet.header).font = { bold: true };
  for (const row of sheet.rows) ws.addRow(row);
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 40 : 16));
  return { file: await workbook.xlsx.writeBuffer(), sheet };
}
