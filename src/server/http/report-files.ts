// Route handler body of the report exports (XLSX and PDF). Kept out of
// src/app so integration tests can call it with a test database.
import type { NextRequest } from "next/server";
import { z } from "zod";
import { canReadGiaResults, canReadReports, canReadTerritoryPerformance } from "../authz/permissions";
import { asciiFileName, readableFileName } from "@/lib/file-name";
import type { Db } from "../db";
import { exportReport } from "../services/reports/build-report";
import { exportGiaResults } from "../services/gia-results/gia-results";
import { ZGiaResultsInput } from "@/lib/schemas/gia-results";
import { reportTexts, REPORTS, type ReportKind, type ReportModel } from "../services/reports/report-model";
import { XLSX_TYPE } from "../services/learners/import/workbook";
import { attachment, jsonError, NO_STORE } from "./route-actor";
import { routeDoor } from "./route-door";
import { giaResultsRu } from "@/messages/gia-results-ru";
import { ZTerritoryPerformanceInput } from "@/lib/schemas/performance";
import { performanceRu } from "@/messages/performance-ru";
import { exportPerformance } from "../services/reports/performance";

const ZReport = z.enum(REPORTS);
const ZFormat = z.enum(["xlsx", "pdf"]);
const TYPES = { xlsx: XLSX_TYPE, pdf: "application/pdf" } as const;

/** The same check as the reports' procedures (ministry.reports.*). */
const door = { tag: "[report export]", allowed: canReadReports, scopes: ["REGION", "MUNICIPALITY"] } as const;

/**
 * The names of a report's file, both naming its territory: «ОО-1 — Сосновский район — 2026-09-15.xlsx»
 * (filename*) and report-oo1_Sosnovskii-raion_2026-09-15.xlsx (the ASCII fallback).
 */
export function reportFileNames(kind: ReportKind, model: ReportModel, stamp: string, format: string) {
  const readable = readableFileName(`${reportTexts("ru").fileTitles[kind]} — ${model.header.scope} — ${stamp}`);
  return { readable: `${readable}.${format}`, ascii: `report-${kind}_${asciiFileName(model.header.scope)}_${stamp}.${format}` };
}

/** GET /api/ministry/reports/<oo1|do1|movement|health>?asOf=&from=&to=&municipalityId=&organisationId=&format=xlsx|pdf */
export const reportExport = routeDoor<{ report: string }>(door, async (req, ctx, { report: reportParam }) => {
  const q = req.nextUrl.searchParams;
  const text = (name: string) => q.get(name)?.trim() || undefined;
  const report = ZReport.safeParse(reportParam);
  const format = ZFormat.safeParse(text("format") ?? "xlsx");
  if (!report.success || !format.success) return jsonError(400, "Неверные параметры отчёта");
  const input = { asOf: text("asOf"), from: text("from"), to: text("to"), municipalityId: text("municipalityId"), organisationId: text("organisationId") };
  const { file, model } = await exportReport(ctx.db, ctx.actor, report.data, input, format.data, ctx.ip);
  const stamp = report.data === "movement" ? `${input.from}_${input.to}` : input.asOf!;
  const name = reportFileNames(report.data, model, stamp, format.data);
  return new Response(new Uint8Array(file), {
    headers: { ...NO_STORE, "Content-Type": TYPES[format.data], "Content-Disposition": attachment(name.readable, name.ascii) },
  });
});

/** The same handler with a test database (integration tests). */
export const handleReportExport = (req: NextRequest, report: string, db?: Db) => reportExport(req, { params: Promise.resolve({ report }) }, db);

/** GET /api/ministry/gia?year=&kind=OGE|GVE|EGE&municipalityId=&organisationId=&format=xlsx|pdf — the ГИА results (issue 21). */
export const giaResultsExport = routeDoor(
  { tag: "[gia export]", allowed: canReadGiaResults, scopes: ["REGION", "MUNICIPALITY"] } as const,
  async (req, ctx) => {
    const q = req.nextUrl.searchParams;
    const text = (name: string) => q.get(name)?.trim() || undefined;
    const format = ZFormat.safeParse(text("format") ?? "xlsx");
    const input = ZGiaResultsInput.safeParse({ year: text("year"), kind: text("kind"), municipalityId: text("municipalityId"), organisationId: text("organisationId") });
    if (!format.success) return jsonError(400, "Неверные параметры отчёта");
    if (!input.success) return jsonError(400, input.error.issues[0]!.message);
    const { file, model } = await exportGiaResults(ctx.db, ctx.actor, input.data, format.data, ctx.ip);
    const stamp = `${input.data.kind}-${input.data.year}`;
    const readable = readableFileName(`${giaResultsRu.giaResults.fileTitle} ${giaResultsRu.giaResults.kinds[input.data.kind]} ${input.data.year} — ${model.header.scope}`);
    const ascii = `gia-${stamp}_${asciiFileName(model.header.scope)}.${format.data}`;
    return new Response(new Uint8Array(file), {
      headers: { ...NO_STORE, "Content-Type": TYPES[format.data], "Content-Disposition": attachment(`${readable}.${format.data}`, ascii) },
    });
  },
);

/** The same handler with a test database (integration tests). */
export const handleGiaResultsExport = (req: NextRequest, db?: Db) => giaResultsExport(req, undefined, db);

/** GET /api/ministry/performance?academicYear=&period=&subjectId=&municipalityId=&organisationId=&format=xlsx|pdf — performance of learners (issue 21). */
export const performanceExport = routeDoor(
  { tag: "[performance export]", allowed: canReadTerritoryPerformance, scopes: ["REGION", "MUNICIPALITY"] } as const,
  async (req, ctx) => {
    const q = req.nextUrl.searchParams;
    const text = (name: string) => q.get(name)?.trim() || undefined;
    const format = ZFormat.safeParse(text("format") ?? "xlsx");
    const input = ZTerritoryPerformanceInput.safeParse({
      academicYear: text("academicYear"),
      period: text("period"),
      subjectId: text("subjectId"),
      municipalityId: text("municipalityId"),
      organisationId: text("organisationId"),
    });
    if (!format.success) return jsonError(400, "Неверные параметры отчёта");
    if (!input.success) return jsonError(400, input.error.issues[0]!.message);
    const { file, model } = await exportPerformance(ctx.db, ctx.actor, input.data, format.data, ctx.ip);
    const stamp = `${input.data.academicYear}-${input.data.period}`;
    const readable = readableFileName(`${performanceRu.performance.fileTitle} — ${model.header.scope} — ${stamp}`);
    const ascii = `performance-${input.data.academicYear}_${asciiFileName(model.header.scope)}.${format.data}`;
    return new Response(new Uint8Array(file), {
      headers: { ...NO_STORE, "Content-Type": TYPES[format.data], "Content-Disposition": attachment(`${readable}.${format.data}`, ascii) },
    });
  },
);

/** The same handler with a test database (integration tests). */
export const handlePerformanceExport = (req: NextRequest, db?: Db) => performanceExport(req, undefined, db);
