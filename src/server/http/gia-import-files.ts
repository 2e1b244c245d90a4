// Route handler bodies of the ГИА results import and its template (the
// ministry portal). Kept out of src/app so integration tests can call them
// with a test database.
import type { NextRequest } from "next/server";
import { canImportGiaResults } from "../authz/permissions";
import type { Db } from "../db";
import { importGiaResults } from "../services/gia-import/import-gia";
import { giaTemplateXlsx } from "../services/gia-import/template";
import { mapGiaHeader } from "../services/gia-import/columns";
import { XLSX_TYPE } from "../services/learners/import/workbook";
import { attachment, jsonError, NO_STORE } from "./route-actor";
import { routeDoor } from "./route-door";
import { readUploadedSheet } from "./upload-form";

/** The same check as the page (ministry/gia-import) and the service. */
const door = { allowed: canImportGiaResults, scopes: ["REGION", "MUNICIPALITY"] } as const;

/** POST multipart (file, mode=dry-run|commit) → JSON GiaImportResult, or { error } with 400/413/415/503. */
export const giaImport = routeDoor({ tag: "[gia import]", ...door }, async (req, ctx) => {
  const upload = await readUploadedSheet(req, mapGiaHeader);
  if (upload instanceof Response) return upload;
  const result = await importGiaResults(ctx.db, ctx.actor, upload.sheet, { commit: upload.commit, fileName: upload.fileName, ip: ctx.ip });
  return Response.json(result, { headers: NO_STORE });
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
