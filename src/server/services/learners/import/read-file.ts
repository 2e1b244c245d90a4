// Reading an uploaded spreadsheet into a header and rows, before any domain
// rule: file type, size, encoding and shape problems refuse the whole file.
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import Papa from "papaparse";

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 100_000;
/** An upload's whole multipart body: the file plus a little form overhead (also next.config.js). */
export const MAX_UPLOAD_BODY_BYTES = MAX_FILE_BYTES + 64 * 1024;

/** A problem with the file as a whole; `status` is the HTTP status to answer with. */
export class ImportFileError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
    this.name = "ImportFileError";
  }
}

/** Trimmed text, or a Date from an XLSX date cell (UTC midnight of that day). */
export type Cell = string | Date;
export interface SheetRow {
  /** Row number as the spreadsheet shows it; the header is row 1. */
  row: number;
  cells: Cell[];
}
export interface Sheet {
  header: string[];
  rows: SheetRow[];
}

const tooManyRows = () => new ImportFileError(413, `В файле больше ${MAX_ROWS.toLocaleString("ru-RU")} строк: разделите его на части`);

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
  // NUL or other C0 controls mean a binary file (or an encoding we cannot read), not text.
  if (/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text.slice(0, 65_536))) {
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
  if (rows.length > MAX_ROWS) throw tooManyRows();
  return { header: header.map((h) => h.replace(/^\ufeff/, "").trim()), rows };
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") return value.trim();
  if ("richText" in value) return value.richText.map((r) => r.text).join("").trim();
  if ("result" in value) return cellValue((value.result ?? null) as ExcelJS.CellValue);
  if ("text" in value) return String(value.text).trim();
  return ""; // error cells (#N/A …) read as blank
}

async function readXlsx(bytes: Uint8Array): Promise<Sheet> {
  // Every XLSX is a ZIP archive; anything else (old .xls, a renamed CSV) is refused up front.
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new ImportFileError(415, "Файл не является книгой XLSX. Сохраните его в Excel как «Книга Excel (*.xlsx)» или как CSV");
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw new ImportFileError(400, "Не удалось открыть книгу XLSX: файл повреждён");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError(400, "В книге нет листов");
  if (sheet.actualRowCount > MAX_ROWS + 1) throw tooManyRows();
  const header: string[] = [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellValue(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= "";
    if (number === 1) header.push(...cells.map((c) => (typeof c === "string" ? c : "")));
    else if (cells.some((c) => c !== "")) rows.push({ row: number, cells });
  });
  if (rows.length > MAX_ROWS) throw tooManyRows();
  return { header, rows };
}

/** Reads a CSV or XLSX upload; the file name's extension decides the format. */
export async function readRows(bytes: Uint8Array, fileName: string): Promise<Sheet> {
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
