// Route handler body of the auditor's access-report downloads (XLSX, CSV).
// Kept out of src/app so integration tests can call it with a test database.
import type { NextRequest } from "next/server";
import { z } from "zod";
import { ACCESS_REPORTS, ZAccountReadsInput, ZLearnerAccessInput } from "@/lib/schemas/access-reports";
import { canReadAccessReports } from "../authz/permissions";
import type { Db } from "../db";
import { buildAccessReport, renderAccessReport, reportFileName, type AccessReportRequest } from "../services/audit/access-report-export";
import { XLSX_TYPE } from "../services/learners/import/workbook";
import { attachment, jsonError, NO_STORE } from "./route-actor";
import { routeDoor } from "./route-door";

const ZKind = z.enum(ACCESS_REPORTS);
const ZFormat = z.enum(["xlsx", "csv"]);
const TYPES = { xlsx: XLSX_TYPE, csv: "text/csv; charset=utf-8" } as const;

function parseRequest(kind: z.infer<typeof ZKind>, q: URLSearchParams): AccessReportRequest | string {
  const text = (name: string) => q.get(name)?.trim() || undefined;
  const period = { from: text("from"), to: text("to") };
  const parsed =
    kind === "learner-access"
      ? ZLearnerAccessInput.safeParse({ learnerId: text("learnerId"), ...period })
      : ZAccountReadsInput.safeParse({ login: text("login"), ...period });
  if (!parsed.success) return parsed.error.issues[0]?.message ?? "Неверные параметры отчёта";
  if (kind === "learner-access") {
    const { learnerId, from, to } = parsed.data as z.infer<typeof ZLearnerAccessInput>;
    return { kind, input: { learnerId, from, to } };
  }
  const { login, from, to } = parsed.data as z.infer<typeof ZAccountReadsInput>;
  return { kind, input: { login, from, to } };
}

/** The same check as the access reports' procedures (admin.accessReports.*). */
const door = { tag: "[access report export]", allowed: canReadAccessReports, scopes: ["REGION"] } as const;

/** GET /api/admin/access-reports/<learner-access|account-reads>?learnerId=|login=&from=&to=&format=xlsx|csv */
export const accessReportExport = routeDoor<{ report: string }>(door, async (req, ctx, { report: kindParam }) => {
  const kind = ZKind.safeParse(kindParam);
  const format = ZFormat.safeParse(req.nextUrl.searchParams.get("format") ?? "xlsx");
  if (!kind.success || !format.success) return jsonError(400, "Неверные параметры отчёта");
  const request = parseRequest(kind.data, req.nextUrl.searchParams);
  if (typeof request === "string") return jsonError(400, request);
  const table = await buildAccessReport(ctx.db, ctx.actor, request, format.data, ctx.ip);
  const file = await renderAccessReport(table, format.data);
  const name = reportFileName(kind.data, format.data);
  return new Response(new Uint8Array(file), {
    headers: { ...NO_STORE, "Content-Type": TYPES[format.data], "Content-Disposition": attachment(name, name) },
  });
});

/** The same handler with a test database (integration tests). */
export const handleAccessReportExport = (req: NextRequest, kind: string, db?: Db) =>
  accessReportExport(req, { params: Promise.resolve({ report: kind }) }, db);
