// Route handler bodies for the learner import, its template and the export.
// Kept out of src/app so integration tests can call them with a test database.
import type { NextRequest } from "next/server";
import { ZListLearnersInput } from "@/lib/schemas/learner";
import { canExportLearners, canImportLearners } from "../authz/permissions";
import type { Db } from "../db";
import { DomainError } from "../errors";
import { exportLearners } from "../services/learners/export-learners";
import { mapHeader } from "../services/learners/import/columns";
import { importLearners } from "../services/learners/import/import-learners";
import type { Sheet } from "../services/learners/import/read-file";
import { templateCsv, templateXlsx, XLSX_TYPE } from "../services/learners/import/workbook";
import { attachment, jsonError, NO_STORE, unexpectedErrorMessage } from "./route-actor";
import { routeDoor } from "./route-door";
import { readUploadedSheet } from "./upload-form";
import { todayIn } from "@/lib/time-zone";
import { serverTimeZone } from "../time-zone";

async function readUpload(req: NextRequest): Promise<{ sheet: Sheet; fileName: string; commit: boolean; createClasses: boolean } | Response> {
  const upload = await readUploadedSheet(req, mapHeader);
  if (upload instanceof Response) return upload;
  // «Создать классы …» ticked after a dry run listed the classes the school lacks.
  return { ...upload, createClasses: upload.form.get("createClasses") === "1" };
}

/** POST multipart (file, mode, createClasses=1 optional) → NDJSON: {type:"progress",phase,done,total}… then {type:"result",…} or {type:"error",error}. */
export const learnerImport = routeDoor({ tag: "[import]", allowed: canImportLearners }, async (req, ctx) => {
  const upload = await readUpload(req);
  if (upload instanceof Response) return upload;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: object) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        const result = await importLearners(ctx.db, ctx.actor, upload.sheet, {
          commit: upload.commit,
          createClasses: upload.createClasses,
          fileName: upload.fileName,
          ip: ctx.ip,
          async onProgress(progress) {
            send({ type: "progress", ...progress });
            await new Promise((resolve) => setImmediate(resolve)); // let the line go out
          },
        });
        send({ type: "result", ...result });
      } catch (error) {
        send({ type: "error", error: error instanceof DomainError ? error.message : unexpectedErrorMessage("[import]", error) });
      }
      controller.close();
    },
  });
  return new Response(body, { headers: { ...NO_STORE, "Content-Type": "application/x-ndjson; charset=utf-8", "X-Content-Type-Options": "nosniff" } });
});

export const learnerTemplate = routeDoor({ tag: "[import template]", allowed: canImportLearners }, async (req) => {
  const csv = req.nextUrl.searchParams.get("format") === "csv";
  const file = csv ? templateCsv() : await templateXlsx();
  const name = `Шаблон загрузки обучающихся.${csv ? "csv" : "xlsx"}`;
  return new Response(new Uint8Array(file), {
    headers: {
      ...NO_STORE,
      "Content-Type": csv ? "text/csv; charset=windows-1251" : XLSX_TYPE,
      "Content-Disposition": attachment(name, `learners-template.${csv ? "csv" : "xlsx"}`),
    },
  });
});

/**
 * The export's filters: POST form fields (the page's export form) or GET query
 * parameters. The name/SNILS search is accepted only in a POST body, so it never
 * lands in a URL, a browser history or an access log.
 */
async function exportParams(req: NextRequest): Promise<URLSearchParams | Response> {
  if (req.method !== "POST") {
    const q = req.nextUrl.searchParams;
    if (q.has("search")) return jsonError(400, "Поиск по ФИО или СНИЛС передаётся только в теле запроса (POST), не в адресе");
    return q;
  }
  // The Origin of this POST was checked at the door (route-door.ts).
  try {
    const form = await req.formData();
    const params = new URLSearchParams();
    for (const [key, value] of form) if (typeof value === "string") params.set(key, value);
    return params;
  } catch {
    return jsonError(400, "Ожидается форма с параметрами выгрузки");
  }
}

/** GET ?grade=&classLetter=&level=&status=&missing=&sort=&order=, or POST the same fields plus search as a form. */
export const learnerExport = routeDoor({ tag: "[export]", allowed: canExportLearners }, async (req, ctx) => {
  const q = await exportParams(req);
  if (q instanceof Response) return q;
  const text = (name: string) => q.get(name)?.trim() || undefined;
  const grade = text("grade");
  const parsed = ZListLearnersInput.safeParse({
    search: text("search"),
    grade: grade === undefined ? undefined : /^\d{1,2}$/.test(grade) ? Number(grade) : NaN,
    classLetter: text("classLetter"),
    level: text("level"),
    status: text("status"),
    missing: text("missing"),
    sort: text("sort"),
    order: text("order"),
  });
  if (!parsed.success) return jsonError(400, "Неверные параметры фильтра");
  const { page: _page, pageSize: _size, ...filters } = parsed.data;
  const { file } = await exportLearners(ctx.db, ctx.actor, filters, ctx.ip);
  const cls = filters.grade !== undefined ? `_${filters.grade}${filters.classLetter?.toUpperCase() ?? ""}` : "";
  const stamp = todayIn(serverTimeZone());
  return new Response(new Uint8Array(file), {
    headers: {
      ...NO_STORE,
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": attachment(`Обучающиеся${cls}_${stamp}.xlsx`, `learners${cls ? `_${filters.grade}` : ""}_${stamp}.xlsx`),
    },
  });
});

// The same handlers with a test database (integration tests).
export const handleImport = (req: NextRequest, db?: Db) => learnerImport(req, undefined, db);
export const handleTemplate = (req: NextRequest, db?: Db) => learnerTemplate(req, undefined, db);
export const handleExport = (req: NextRequest, db?: Db) => learnerExport(req, undefined, db);
