// Reading an uploaded spreadsheet into a header and rows, before any domain
// rule: file type, size, encoding and shape problems refuse the whole file.
import iconv from "iconv-lite";
import Papa from "papaparse";
import { cellTooLong, columnLetter, ImportFileError, MAX_CELL_CHARS, MAX_FILE_BYTES, MAX_ROWS, tooManyRows, type Sheet } from "./file-error";
import { readXlsx } from "./read-xlsx";

export { ImportFileError, MAX_CELL_CHARS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, type Cell, type Sheet, type SheetRow } from "./file-error";
/** An upload's whole multipart body: the file plus a little form overhead (also next.config.js). */
export const MAX_UPLOAD_BODY_BYTES = MAX_FILE_BYTES + 64 * 1024;
/**
 * Files this process reads at once. Reading is bounded per file (size, rows,
 * time, memory); this bounds the sum, so a burst of large uploads is answered
 * 503 («повторите через минуту») instead of taking the memory of every other request.
 */
export const MAX_CONCURRENT_READS = 2;
let reading = 0;

/**
 * UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1251:
 * a cp1251 file with Cyrillic is practically never valid UTF-8, while every
 * byte sequence decodes as cp1251, so the order of the tests matters.
 */
export function decodeCsv(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ImportFileError(400, "Файл в кодировке UTF-16: сохраните его как CSV в UTF-8 или Windows-1251");
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); // drops a BOM
  } catch {
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "win1251");
  }
  // NUL or other C0 controls in the header line mean a binary file (or an encoding
  // we cannot read), not text. Further down they are errors of the cell they are
  // in (row-to-input.ts), checked in every row by the dry run and the commit alike.
  const lineEnd = text.search(/[\r\n]/);
  if (/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(lineEnd < 0 ? text : text.slice(0, lineEnd))) {
    throw new ImportFileError(400, "Не удалось прочитать файл как текст CSV: сохраните его в UTF-8 или Windows-1251");
  }
  return text;
}

/** ";" (Russian Excel's default), "," or tab: whichever occurs most in the header line outside quotes. */
export function detectDelimiter(text: string): ";" | "," | "\t" {
  const firstLine = (text.split(/\r?\n/, 1)[0] ?? "").replace(/"[^"]*"/g, "");
  const count = (d: string) => firstLine.split(d).length - 1;
  const candidates = [";", ",", "\t"] as const;
  return candidates.reduce((best, d) => (count(d) > count(best) ? d : best), ";");
}

function readCsv(bytes: Uint8Array): Sheet {
  const text = decodeCsv(bytes);
  const parsed = Papa.parse<string[]>(text, { delimiter: detectDelimiter(text), skipEmptyLines: false, preview: MAX_ROWS + 2 });
  const records = parsed.data;
  const fatal = parsed.errors.find((e) => e.code === "MissingQuotes");
  if (fatal) throw new ImportFileError(400, `Ошибка в CSV в строке ${(fatal.row ?? 0) + 1}: незакрытая кавычка`);
  const [header = [], ...data] = records;
  const rows = data
    .map((cells, i) => ({ row: i + 2, cells: cells.map((c) => c.trim()) }))
    .filter((r) => r.cells.some((c) => c !== ""));
  // The same bound as an XLSX cell: no field of the form comes near it.
  for (const { row, cells } of rows) {
    const col = cells.findIndex((c) => c.length > MAX_CELL_CHARS);
    if (col >= 0) throw cellTooLong(row, columnLetter(col));
  }
  if (rows.length > MAX_ROWS) throw tooManyRows();
  return { header: header.map((h) => h.replace(/^\ufeff/, "").trim()), rows };
}

/** Reads a CSV or XLSX upload; the file name's extension decides the format. */
export async function readRows(bytes: Uint8Array, fileName: string): Promise<Sheet> {
  if (reading >= MAX_CONCURRENT_READS) {
    throw new ImportFileError(503, "Сервер сейчас разбирает другие файлы: повторите загрузку через минуту");
  }
  reading++;
  try {
    return await readSheet(bytes, fileName);
  } finally {
    reading--;
  }
}

async function readSheet(bytes: Uint8Array, fileName: string): Promise<Sheet> {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw new ImportFileError(413, `Файл больше ${MAX_FILE_BYTES / 1024 / 1024} МБ: разделите его на части`);
  }
  if (bytes.byteLength === 0) throw new ImportFileError(400, "Файл пуст");
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const sheet =
    ext === "csv" ? readCsv(bytes)
    : ext === "xlsx" ? await readXlsx(bytes)
    : (() => {
        throw new ImportFileError(415, ext === "xls" ? "Формат XLS не поддерживается: сохраните файл как XLSX или CSV" : "Загрузите файл CSV или XLSX");
      })();
  if (sheet.header.every((h) => !h)) throw new ImportFileError(400, "В первой строке файла нет заголовков столбцов");
  if (sheet.rows.length === 0) throw new ImportFileError(400, "В файле нет строк с данными");
  return sheet;
}
