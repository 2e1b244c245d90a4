// Route handler body of the municipal account of children's XLSX files (issue
// 22): one of the four lists, or the admission forecast. Kept out of src/app so
// integration tests can call it with a test database. The same named check as
// the `childrenAccount` procedures; the service narrows to the municipality
// and audits the file like the screen's read.
import type { NextRequest } from "next/server";
import { z } from "zod";
import { asciiFileName, readableFileName } from "@/lib/file-name";
import { ACCOUNT_LISTS, ZAccountParams, ZForecastInput } from "@/lib/schemas/children-account";
import { childrenAccountRu } from "@/messages/children-account-ru";
import { canManageChildrenAccount } from "../authz/permissions";
import type { Db } from "../db";
import { exportAccountList } from "../services/children-account/account";
import { exportForecast } from "../services/children-account/forecast";
import { XLSX_TYPE } from "../services/learners/import/workbook";
import { attachment, jsonError, NO_STORE } from "./route-actor";
import { routeDoor } from "./route-door";

const ZKind = z.enum([...ACCOUNT_LISTS, "forecast"]);
const t = childrenAccountRu;

const xlsx = (file: Buffer, readable: string, ascii: string) =>
  new Response(new Uint8Array(file), { headers: { ...NO_STORE, "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(`${readable}.xlsx`, `${ascii}.xlsx`) } });

/**
 * GET /api/ministry/children-account?kind=notInEducation|didNotStart|droppedOut|leftRegion&municipalityId=&date=&days=&grace=&since=
 * GET /api/ministry/children-account?kind=forecast&municipalityId=&year=
 * File names name the municipality and the date (or year): «Учёт детей — Не обучаются — Городской округ Заречный — 2026-12-07.xlsx».
 */
export const childrenAccountExport = routeDoor(
  { tag: "[children account export]", allowed: canManageChildrenAccount, scopes: ["REGION", "MUNICIPALITY"] } as const,
  async (req, ctx) => {
    const q = req.nextUrl.searchParams;
    const text = (name: string) => q.get(name)?.trim() || undefined;
    const kind = ZKind.safeParse(text("kind"));
    if (!kind.success) return jsonError(400, "Выберите список учёта детей");
    if (kind.data === "forecast") {
      const input = ZForecastInput.safeParse({ municipalityId: text("municipalityId"), year: text("year") });
      if (!input.success) return jsonError(400, input.error.issues[0]!.message);
      const { file, result } = await exportForecast(ctx.db, ctx.actor, input.data, ctx.ip);
      const readable = readableFileName(`${t.admissionForecast.fileTitle} — ${result.municipality} — ${result.yearLabel}`);
      return xlsx(file, readable, `admission-forecast_${asciiFileName(result.municipality)}_${result.year}`);
    }
    const input = ZAccountParams.safeParse({ municipalityId: text("municipalityId"), date: text("date"), days: text("days"), grace: text("grace"), since: text("since") });
    if (!input.success) return jsonError(400, input.error.issues[0]!.message);
    const { file, params } = await exportAccountList(ctx.db, ctx.actor, { ...input.data, list: kind.data }, ctx.ip);
    const readable = readableFileName(`${t.childrenAccount.fileTitle} — ${t.childrenAccount.lists[kind.data]} — ${params.municipality} — ${params.date}`);
    return xlsx(file, readable, `children-account-${kind.data}_${asciiFileName(params.municipality)}_${params.date}`);
  },
);

/** The same handler with a test database (integration tests). */
export const handleChildrenAccountExport = (req: NextRequest, db?: Db) => childrenAccountExport(req, undefined, db);
