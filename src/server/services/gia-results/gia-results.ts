// The ministry's ГИА results (issue 21): for a year and an exam kind, by
// vocabulary subject and by place one level below the territory, with the
// year before beside them. One model for the screen and the XLSX/PDF files
// (src/server/services/reports/render.ts), with the reports' header.
// Education officers within their scope (a territory outside it: NOT_FOUND;
// school staff: FORBIDDEN, by the procedure's named check and by resolveDrill).
// Screen reads are aggregates and not audited; a file export is (report.export).
import { z } from "zod";
import type { GiaResultsInput } from "@/lib/schemas/gia-results";
import type { Locale } from "@/lib/i18n";
import { giaResultsEn } from "@/messages/gia-results-en";
import { giaResultsRu } from "@/messages/gia-results-ru";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import type { Db, DbTx } from "../../db";
import { serverEnv } from "../../env";
import { drillMunicipality, resolveDrill } from "../dashboards/scope";
import { renderPdf, renderXlsx } from "../reports/render";
import { reportHeader, ZReportModel, type ReportModel } from "../reports/report-model";
import { countGiaResults, countHonours, countUnmapped, type SubjectFigures } from "./gia-counts";
import { placeTable, subjectTable, type GiaTexts } from "./gia-tables";

export const giaTexts = (locale: Locale = "ru"): GiaTexts => (locale === "en" ? giaResultsEn.giaResults : giaResultsRu.giaResults);

export const ZGiaResultsOutput = z.object({
  model: ZReportModel,
  /** The places of the territory table with their ids, for the drill-down links (none below an organisation). */
  drill: z.object({ level: z.enum(["municipality", "organisation"]), places: z.array(z.object({ id: z.string(), name: z.string() })) }).nullable(),
});
export type GiaResultsOutput = z.infer<typeof ZGiaResultsOutput>;

export async function giaResults(db: Db | DbTx, actor: Actor, input: GiaResultsInput, locale: Locale = "ru"): Promise<GiaResultsOutput> {
  const drill = await resolveDrill(db, actor, { municipalityId: input.municipalityId, organisationId: input.organisationId });
  const { year, kind } = input;
  const t = giaTexts(locale);
  const threshold = serverEnv().KONTINGENT_SMALL_CELL_THRESHOLD;
  // One after another: inside an export's transaction the statements share one connection.
  // A municipal officer's whole scope is one municipality: its table lists organisations.
  const byOrganisation = drillMunicipality(actor, drill) !== null;
  const counted = await countGiaResults(db, drill, byOrganisation, kind, year);
  const honours = await countHonours(db, drill, byOrganisation, kind, year);
  const unmapped = await countUnmapped(db, drill, kind, year);
  const header = await reportHeader(db, actor, drill, {});
  const ege = kind === "EGE";
  const tables = ege ? egeSubjectTables(t, year, counted.subjects, threshold) : [subjectTable(t, t.captions.subjectsMarks, "mark", year, counted.subjects, threshold)];
  const places = placeTable(t, byOrganisation, ege, year, counted.places, honours, threshold);
  tables.push(places.table);
  const kindName = giaResultsRu.giaResults.kinds[kind]!;
  // The unmapped rows are a count of the territory like any other: 1 to threshold − 1 reads «<n».
  const unmappedShown = unmapped > 0 && unmapped < threshold ? `<${threshold}` : String(unmapped);
  const model: ReportModel = {
    kind: "gia",
    title: t.reportTitle.replace("{kind}", t.kinds[kind]!).replace("{year}", String(year)),
    header: { ...header, lines: [[t.header.year, String(year)], [t.header.kind, t.kinds[kind] ?? kindName], [t.header.unmapped, unmappedShown]] },
    tables,
    hiddenBelow: threshold,
  };
  const level = byOrganisation ? "organisation" : "municipality";
  return {
    model,
    drill: drill.level === "organisation" ? null : { level, places: places.places.map((p) => ({ id: p.placeId, name: p.name })) },
  };
}

/**
 * ЕГЭ by subject: test scores, and ЕГЭ mathematics at the basic level apart on
 * its marks (when the year or the year before has any). Mathematics is one
 * vocabulary subject with two levels, so the rows are named by level: a
 * «Математика» with a test score is always the профильный уровень.
 */
function egeSubjectTables(t: GiaTexts, year: number, subjects: SubjectFigures[], threshold: number) {
  const named = subjects.map((s) => {
    if (s.scale === "mark") return { ...s, name: t.levels.basic.replace("{name}", s.name) };
    return s.code === "MATH" ? { ...s, name: t.levels.profile.replace("{name}", s.name) } : s;
  });
  const scores = subjectTable(t, t.captions.subjectsScores, "score", year, named, threshold);
  const basic = named.some((s) => s.scale === "mark") ? [subjectTable(t, t.captions.subjectsBasicMath, "mark", year, named, threshold)] : [];
  return [scores, ...basic];
}

/** The files are always Russian; the export is audited in the same transaction as its reads, before the file is handed out. */
export async function exportGiaResults(db: Db, actor: Actor, input: GiaResultsInput, format: "xlsx" | "pdf", ip: string | null) {
  const model = await db.$transaction(async (tx) => {
    const built = (await giaResults(tx, actor, input, "ru")).model;
    const filters = { year: input.year, kind: input.kind, municipalityId: input.municipalityId ?? null, organisationId: input.organisationId ?? null };
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "report.export",
      entityType: "Report",
      details: { report: "gia", format, filters, territory: built.header.scope, rows: built.tables.reduce((s, tb) => s + tb.rows.length, 0) },
    });
    return built;
  });
  const file = format === "xlsx" ? await renderXlsx(model) : await renderPdf(model);
  return { file, model };
}
