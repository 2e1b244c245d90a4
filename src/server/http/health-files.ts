// Route handler body of the health statistics export (XLSX of one aggregate).
// Kept out of src/app so integration tests can call it with a test database.
import type { NextRequest } from "next/server";
import { z } from "zod";
import { canExportHealthStats } from "../authz/permissions";
import type { Db } from "../db";
import { asciiFileName, readableFileName } from "@/lib/file-name";
import { healthStatsRu } from "@/messages/health-stats-ru";
import { exportHealthStats, HEALTH_REPORTS, type HealthReport } from "../services/health/health-export";
import { exportHealthList } from "../services/health/health-list-export";
import { XLSX_TYPE } from "../services/learners/import/workbook";
import { attachment, jsonError, NO_STORE } from "./route-actor";
import { routeDoor } from "./route-door";
import { todayIn } from "@/lib/time-zone";
import { serverTimeZone } from "../time-zone";
import { zDay } from "@/lib/schemas/person";

const ZExportQuery = z.object({
  report: z.enum([...HEALTH_REPORTS, "list"]),
  municipalityId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
  asOf: zDay("дату"),
});

/** Whoever reads the statistics on screen (health.stats or ministry.healthStats): never school staff. */
const door = { tag: "[health export]", allowed: canExportHealthStats, scopes: ["REGION", "MUNICIPALITY"] } as const;

/** GET ?report=groups|disabilities|adapted&municipalityId=&organisationId=&asOf=YYYY-MM-DD */
export const healthExport = routeDoor(door, async (req, ctx) => {
  const q = req.nextUrl.searchParams;
  const text = (name: string) => q.get(name)?.trim() || undefined;
  const parsed = ZExportQuery.safeParse({
    report: text("report"),
    municipalityId: text("municipalityId"),
    organisationId: text("organisationId"),
    asOf: text("asOf") ?? todayIn(serverTimeZone()),
  });
  if (!parsed.success) return jsonError(400, "Неверные параметры отчёта");
  const { report, organisationId, asOf } = parsed.data;
  if (report === "list" && !organisationId) return jsonError(400, "Для списка выберите организацию");
  const exported =
    report === "list"
      ? await exportHealthList(ctx.db, ctx.actor, { organisationId: organisationId!, asOf }, ctx.ip)
      : await exportHealthStats(ctx.db, ctx.actor, { ...parsed.data, report }, ctx.ip);
  const name = `health-${parsed.data.report}_${parsed.data.asOf}.xlsx`;
  // An aggregate's file names its territory: «Группы здоровья — Озёрский муниципальный округ — 2026-05-15.xlsx».
  const territory = "sheet" in exported ? exported.sheet.territory : null;
  const readable = territory ? `${readableFileName(`${healthStatsRu.healthStats.reports[parsed.data.report as HealthReport]} — ${territory} — ${asOf}`)}.xlsx` : name;
  const ascii = territory ? `health-${parsed.data.report}_${asciiFileName(territory)}_${asOf}.xlsx` : name;
  return new Response(new Uint8Array(exported.file), {
    headers: { ...NO_STORE, "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(readable, ascii) },
  });
});

/** The same handler with a test database (integration tests). */
export const handleHealthExport = (req: NextRequest, db?: Db) => healthExport(req, undefined, db);
