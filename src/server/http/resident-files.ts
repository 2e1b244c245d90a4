// Route handler bodies of the resident children's import and its template
// (the ministry portal's register of children). Kept out of src/app so
// integration tests can call them with a test database.
import type { NextRequest } from "next/server";
import { RESIDENT_SOURCES, type ResidentSourceCode } from "@/lib/schemas/residents";
import { canManageChildrenAccount } from "../authz/permissions";
import type { Db } from "../db";
import { XLSX_TYPE } from "../services/learners/import/workbook";
import { mapResidentHeader } from "../services/residents/columns";
import { importResidents } from "../services/residents/import-residents";
import { residentTemplateXlsx } from "../services/residents/template";
import { attachment, jsonError, NO_STORE } from "./route-actor";
import { routeDoor } from "./route-door";
import { readUploadedSheet } from "./upload-form";

/** The same check as the pages (ministry/children) and the services, which narrow to the municipality. */
const door = { allowed: canManageChildrenAccount, scopes: ["REGION", "MUNICIPALITY"] } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * POST multipart (file, mode=dry-run|commit, source, municipalityId — a region's
 * officer's choice) → JSON ResidentImportResult, or { error } with 400/404/413/415/503.
 */
export const residentImport = routeDoor({ tag: "[residents import]", ...door }, async (req, ctx) => {
  const upload = await readUploadedSheet(req, mapResidentHeader);
  if (upload instanceof Response) return upload;
  const source = upload.form.get("source");
  if (typeof source !== "string" || !(RESIDENT_SOURCES as readonly string[]).includes(source)) {
    return jsonError(400, "Выберите источник списка: ЗАГС, поликлиника, МФЦ или иное");
  }
  const municipality = upload.form.get("municipalityId");
  const municipalityId = typeof municipality === "string" && municipality !== "" ? municipality : null;
  // Not an id at all: as unknown as any other municipality outside the caller's reach.
  if (municipalityId !== null && !UUID.test(municipalityId)) return jsonError(404, "Запись не найдена");
  const result = await importResidents(ctx.db, ctx.actor, upload.sheet, {
    commit: upload.commit,
    fileName: upload.fileName,
    ip: ctx.ip,
    municipalityId,
    source: source as ResidentSourceCode,
  });
  return Response.json(result, { headers: NO_STORE });
});

export const residentTemplate = routeDoor({ tag: "[residents template]", ...door }, async () => {
  const file = await residentTemplateXlsx();
  return new Response(new Uint8Array(file), {
    headers: { ...NO_STORE, "Content-Type": XLSX_TYPE, "Content-Disposition": attachment("Шаблон списка детей.xlsx", "resident-children-template.xlsx") },
  });
});

// The same handlers with a test database (integration tests).
export const handleResidentImport = (req: NextRequest, db?: Db) => residentImport(req, undefined, db);
export const handleResidentTemplate = (req: NextRequest, db?: Db) => residentTemplate(req, undefined, db);
