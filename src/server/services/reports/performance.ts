// The ministry's performance view (issue 21) as a report: the same figures as
// the screen (services/performance: small numbers hidden, «<n» in the file),
// under the reports' header with the year, period and subject as further
// lines, in XLSX or PDF, every export audited as report.export in the same
// transaction as its reads. The files are Russian, as every report.
import type { TerritoryPerformanceInput } from "@/lib/schemas/performance";
import { performanceRu } from "@/messages/performance-ru";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import type { Db, DbTx } from "../../db";
import { resolveDrill } from "../dashboards/scope";
import { territoryPerformance, type TerritoryPerformance } from "../performance/territory-performance";
import { renderPdf, renderXlsx } from "./render";
import { reportHeader, type ReportModel, type ReportTable } from "./report-model";

const t = performanceRu.performance;
type Figures = TerritoryPerformance["totals"]["current"];
type Delta = TerritoryPerformance["totals"]["delta"];

const DASH = "—";

/** The row's cells: learners, average, shares, the four mark counts, then last year's three measures with their change. */
function cells(now: Figures, before: Figures | null, delta: Delta, threshold: number): (string | number)[] {
  const count = (v: number | null) => (v === null ? `<${threshold}` : v);
  const measure = (v: number | null | undefined) => (v === null || v === undefined ? DASH : v);
  return [
    count(now.learners),
    measure(now.average),
    measure(now.successRate),
    measure(now.qualityRate),
    count(now.marks.m5),
    count(now.marks.m4),
    count(now.marks.m3),
    count(now.marks.m2),
    measure(before?.average),
    measure(delta.average),
    measure(before?.successRate),
    measure(delta.successRate),
    measure(before?.qualityRate),
    measure(delta.qualityRate),
  ];
}

export function performanceTable(view: TerritoryPerformance): ReportTable {
  const was = (measure: string) => t.previousColumn.replace("{measure}", measure).replace("{year}", view.previousYearLabel);
  return {
    caption: `${t.reportTitle}: ${view.subject?.name ?? t.allSubjects}`,
    columns: [
      t.place[view.level],
      t.learners,
      t.average,
      t.successRate,
      t.qualityRate,
      t.marks.m5,
      t.marks.m4,
      t.marks.m3,
      t.marks.m2,
      was(t.average),
      t.delta,
      was(t.successRate),
      t.delta,
      was(t.qualityRate),
      t.delta,
    ],
    rows: view.rows.map((r) => [r.label, ...cells(r.current, r.previous, r.delta, view.threshold)]),
    totals: [t.total, ...cells(view.totals.current, view.totals.previous, view.totals.delta, view.threshold)],
  };
}

export async function buildPerformanceReport(db: Db | DbTx, actor: Actor, input: TerritoryPerformanceInput): Promise<ReportModel> {
  const view = await territoryPerformance(db, actor, input);
  const drill = await resolveDrill(db, actor, { municipalityId: input.municipalityId, organisationId: input.organisationId });
  const header = await reportHeader(db, actor, drill, {});
  header.lines = [
    [t.header.year, view.yearLabel],
    [t.header.period, view.period],
    [t.header.subject, view.subject?.name ?? t.allSubjects],
  ];
  return { kind: "performance", title: t.reportTitle, header, tables: [performanceTable(view)], hiddenBelow: view.threshold };
}

export async function exportPerformance(db: Db, actor: Actor, input: TerritoryPerformanceInput, format: "xlsx" | "pdf", ip: string | null) {
  const model = await db.$transaction(async (tx) => {
    const built = await buildPerformanceReport(tx, actor, input);
    const filters = {
      academicYear: input.academicYear,
      period: input.period,
      subjectId: input.subjectId ?? null,
      municipalityId: input.municipalityId ?? null,
      organisationId: input.organisationId ?? null,
    };
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "report.export",
      entityType: "Report",
      details: { report: "performance", format, filters, territory: built.header.scope, rows: built.tables[0]!.rows.length },
    });
    return built;
  });
  const file = format === "xlsx" ? await renderXlsx(model) : await renderPdf(model);
  return { file, model };
}
