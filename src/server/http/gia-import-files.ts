// Route handler bodies of the ГИА results import and its template (the
// ministry portal). Kept out of src/app so integration tests can call them
// with a test database.
import type { NextRequest } from "next/server";
import { ZGiaImportMode } from "@/lib/schemas/gia-import";
import { canImportGiaResults } from "../authz/permissions";
import type { Db } from "../db";
import { importGiaResults } from "../services/gia-import/import-gia";
import { giaTemplateXlsx } from "../services/gia-import/template";
import { mapGiaHeader } from "../services/gia-import/columns";
import { ImportFileError, MAX_FILE_BYTES, MAX_UPLOAD_BODY_BYTES, readRows } from "../services/learners/import/read-file";
import { XLSX_TYPE } from "../services/learners/import/workbook";
import { attachment, jsonError, NO_STORE } from "./route-actor";
import { routeDoor } from "./route-door";

/** The same check as the page (ministry/gia-import) and the service. */
const door = { allowed: canImportGiaResults, scopes: ["REGION", "MUNICIPALITY"] } as const;

/** POST multipart (file, mode=dry-run|commit) → JSON GiaImportResult, or { error } with 400/413/415/503. */
export const giaImport = routeDoor({ tag: "[gia import]", ...door }, async (req, ctx) => {
  // Refuse an oversized body before buffering it (multipart adds a little overhead).
  if (Number(req.headers.get("content-length") ?? 0) > MAX_UPLOAD_BODY_BYTES) {
    return jsonError(413, `Файл больше ${MAX_FILE_BYTES / 1024 / 1024} МБ: разделите его на части`);
  }
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return jsonError(400, "Ожидается форма с файлом (multipart/form-data)");
  }
  const file = form.get("file");
  const mode = ZGiaImportMode.safeParse(form.get("mode"));
  if (!(file instanceof File) || file.size === 0) return jsonError(400, "Выберите непустой файл CSV или XLSX");
  if (!mode.success) return jsonError(400, "Режим загрузки: dry-run или commit");
  try {
    const sheet = await readRows(new Uint8Array(await file.arrayBuffer()), file.name);
    mapGiaHeader(sheet.header); // a wrong header refuses the file before any row is checked
    const result = await importGiaResults(ctx.db, ctx.actor, sheet, { commit: mode.data === "commit", fileName: file.name, ip: ctx.ip });
    return Response.json(result, { headers: NO_STORE });
  } catch (error) {
    if (error instanceof ImportFileError) return jsonError(error.status, error.message);
    throw error;
  }
});

export const giaTemplate = routeDoor({ tag: "[gia template]", ...door }, async (_req, ctx) => {
  const file = await giaTemplateXlsx(ctx.db);
  return new Response(new Uint8Array(file), {
    headers: { ...NO_STORE, "Content-Type": XLSX_TYPE, "Content-Disposition": attachment("Шаблон результатов ГИА.xlsx", "gia-results-template.xlsx") },
  });
});

// The same handlers with a test database (integration tests).
export const handleGiaImport = (req: NextRequest, db?: Db) => giaImport(req, undefined, db);
export const handleGiaTemplate = (req: NextRequest, db?: Db) => giaTemplate(req, undefined, db);
