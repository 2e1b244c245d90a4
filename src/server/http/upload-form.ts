// The upload half of the file imports (learners, ГИА results): the size limit
// before buffering, the multipart form, the file and the mode, the safe reader
// and the import's own header check. Errors are answers ({ error } with
// 400/413/415) for the person who chose the file, never a 500.
import type { NextRequest } from "next/server";
import { ImportFileError, MAX_FILE_BYTES, MAX_UPLOAD_BODY_BYTES, readRows, type Sheet } from "../services/learners/import/read-file";
import { jsonError } from "./route-actor";

export interface UploadedSheet {
  sheet: Sheet;
  fileName: string;
  commit: boolean;
  /** The rest of the form (options of a particular import). */
  form: FormData;
}

/** `checkHeader` throws ImportFileError on a header the import cannot read: the file is refused before any row is checked. */
export async function readUploadedSheet(req: NextRequest, checkHeader: (header: string[]) => unknown): Promise<UploadedSheet | Response> {
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
  const mode = form.get("mode");
  if (!(file instanceof File) || file.size === 0) return jsonError(400, "Выберите непустой файл CSV или XLSX");
  if (mode !== "dry-run" && mode !== "commit") return jsonError(400, "Режим загрузки: dry-run или commit");
  try {
    const sheet = await readRows(new Uint8Array(await file.arrayBuffer()), file.name);
    checkHeader(sheet.header);
    return { sheet, fileName: file.name, commit: mode === "commit", form };
  } catch (error) {
    if (error instanceof ImportFileError) return jsonError(error.status, error.message);
    throw error;
  }
}
