// Reading the first sheet of an uploaded XLSX as a stream, within limits: the
// archive's declared sizes are checked first (xlsx-zip.ts), each part is
// inflated and parsed chunk by chunk (xlsx-xml.ts), and reading stops at the
// first limit it meets: an over-long cell, too many rows, too much time.
// exceljs's own readers are not used for uploads: the full one inflates the
// whole book first, and the streaming one follows local headers without
// limits and splits UTF-8 characters at chunk boundaries.
import type { SaxesTagPlain } from "saxes";
import { cellTooLong, columnLetter, ImportFileError, MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS, tooManyRows, type Cell, type Sheet, type SheetRow } from "./file-error";
import { parseXml, type XmlHandlers } from "./xlsx-xml";
import { corruptXlsx, openXlsx, XLSX_LIMITS, type XlsxArchive } from "./xlsx-zip";

/** Reading one file may take this long; a legitimate 100,000-row book takes a few seconds. */
export const XLSX_READ_MS = 60_000;
/** Distinct strings in the book's table (a 100,000-row class list has a few hundred thousand). */
export const MAX_SHARED_STRINGS = 2_000_000;
const TOO_LONG = Symbol("too long");

const local = (name: string) => name.slice(name.indexOf(":") + 1);
const attr = (tag: SaxesTagPlain, name: string): string | undefined => tag.attributes[name];

/** Excel's built-in number formats that exceljs (and Excel) show as dates or times. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
/** exceljs's test for a date format code: a date or time letter outside quotes and brackets. */
const isDateFormat = (code: string) => /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
/** Excel's serial day number → Date, as exceljs converts it. */
const excelToDate = (serial: number, date1904: boolean) => new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

/** "worksheets/sheet1.xml" next to xl/workbook.xml, or an absolute "/xl/…" target → the entry name. */
function resolvePart(target: string): string {
  const parts: string[] = target.startsWith("/") ? [] : ["xl"];
  for (const part of target.split("/")) {
    if (part === "..") parts.pop();
    else if (part && part !== ".") parts.push(part);
  }
  return parts.join("/");
}

interface Book {
  sheet: string;
  date1904: boolean;
  sharedStrings?: string;
  styles?: string;
}

async function readBook(zip: XlsxArchive, deadline: number): Promise<Book> {
  const part = (name: string, handlers: XmlHandlers) => parseXml(zip.read(name, XLSX_LIMITS.partBytes, "описание книги"), handlers, deadline);
  let firstSheet: string | undefined;
  let date1904 = false;
  await part("xl/workbook.xml", {
    open(tag) {
      const name = local(tag.name);
      if (name === "workbookPr") date1904 = ["1", "true"].includes(attr(tag, "date1904") ?? "");
      // The relationship id is r:id in Excel's files; other writers may pick another prefix.
      if (name === "sheet") firstSheet ??= Object.entries(tag.attributes).find(([key]) => /(^|:)id$/.test(key))?.[1] ?? "";
    },
  });
  if (firstSheet === undefined) throw new ImportFileError(400, "В книге нет листов");
  const targets = new Map<string, string>();
  const byType = new Map<string, string>();
  await part("xl/_rels/workbook.xml.rels", {
    open(tag) {
      if (local(tag.name) !== "Relationship") return;
      const target = resolvePart(attr(tag, "Target") ?? "");
      targets.set(attr(tag, "Id") ?? "", target);
      byType.set((attr(tag, "Type") ?? "").split("/").pop()!, target);
    },
  });
  const sheet = targets.get(firstSheet);
  if (!sheet || !zip.has(sheet)) throw corruptXlsx();
  const present = (name: string | undefined) => (name && zip.has(name) ? name : undefined);
  return { sheet, date1904, sharedStrings: present(byType.get("sharedStrings")), styles: present(byType.get("styles")) };
}

/** For each cell style (the `s` of a cell), whether its number format is a date. */
async function readDateStyles(zip: XlsxArchive, name: string | undefined, deadline: number): Promise<boolean[]> {
  if (!name) return [];
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  await parseXml(zip.read(name, XLSX_LIMITS.partBytes, "таблица стилей"), {
    open(tag) {
      const tagName = local(tag.name);
      if (tagName === "numFmt") custom.set(Number(attr(tag, "numFmtId")), attr(tag, "formatCode") ?? "");
      else if (tagName === "cellXfs") inCellXfs = true;
      else if (tagName === "xf" && inCellXfs) formats.push(Number(attr(tag, "numFmtId") ?? 0));
    },
    close(tagName) {
      if (local(tagName) === "cellXfs") inCellXfs = false;
    },
  }, deadline);
  return formats.map((id) => (custom.has(id) ? isDateFormat(custom.get(id)!) : BUILTIN_DATE_FORMATS.has(id)));
}

type SharedString = string | typeof TOO_LONG;

/** The shared strings table; a string longer than a cell may be is kept as a marker, refused where a cell uses it. */
async function readSharedStrings(zip: XlsxArchive, name: string | undefined, deadline: number): Promise<SharedString[]> {
  if (!name) return [];
  const strings: SharedString[] = [];
  let current: string | null = null;
  let tooLong = false;
  let inText = false;
  let phonetic = 0;
  await parseXml(zip.read(name, XLSX_LIMITS.sharedStringsBytes, "таблица строк книги"), {
    open(tag) {
      const tagName = local(tag.name);
      if (tagName === "si") [current, tooLong] = ["", false];
      else if (tagName === "rPh") phonetic++; // a reading hint for Japanese text, not part of the value
      else if (tagName === "t") inText = phonetic === 0;
    },
    text(text, cut) {
      if (!inText || current === null || tooLong) return;
      current += text;
      if (cut || current.length > MAX_CELL_CHARS) [current, tooLong] = ["", true];
    },
    close(tagName) {
      const closed = local(tagName);
      if (closed === "t") inText = false;
      else if (closed === "rPh") phonetic--;
      else if (closed === "si" && current !== null) {
        if (strings.length >= MAX_SHARED_STRINGS) {
          throw new ImportFileError(413, `В книге больше ${MAX_SHARED_STRINGS.toLocaleString("ru-RU")} различных значений ячеек: разделите файл на части`);
        }
        strings.push(tooLong ? TOO_LONG : current);
        current = null;
      }
    },
  }, deadline);
  return strings;
}

/** "AB12" → 27; letters only, so a missing or odd reference gives -1. */
function columnOf(ref: string | undefined): number {
  const letters = /^([A-Z]{1,3})\d*$/i.exec(ref ?? "")?.[1]?.toUpperCase();
  if (!letters) return -1;
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

export async function readXlsx(bytes: Uint8Array): Promise<Sheet> {
  // Every XLSX is a ZIP archive; anything else (old .xls, a renamed CSV) is refused up front.
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new ImportFileError(415, "Файл не является книгой XLSX. Сохраните его в Excel как «Книга Excel (*.xlsx)» или как CSV");
  }
  const deadline = Date.now() + XLSX_READ_MS;
  const zip = await openXlsx(bytes);
  if (!zip.has("xl/workbook.xml") || !zip.has("xl/_rels/workbook.xml.rels")) throw corruptXlsx();
  const book = await readBook(zip, deadline);
  const dateStyles = await readDateStyles(zip, book.styles, deadline);
  const strings = await readSharedStrings(zip, book.sharedStrings, deadline);

  const header: string[] = [];
  const rows: SheetRow[] = [];
  let rowNumber = 0;
  let cells: Cell[] = [];
  let cell: { col: number; type: string; style: number; text: string; hasValue: boolean } | null = null;
  let collecting = false;
  let phonetic = 0;

  const tooLongHere = () => cellTooLong(rowNumber, columnLetter(cell?.col ?? 0));
  function value(c: NonNullable<typeof cell>): Cell {
    if (!c.hasValue) return "";
    const raw = c.text.trim();
    switch (c.type) {
      case "s": {
        const shared = strings[Number(raw)];
        if (shared === TOO_LONG) throw tooLongHere();
        return (shared ?? "").trim();
      }
      case "b":
        return raw === "" ? "" : String(Number(raw) !== 0);
      case "e":
        return ""; // error cells (#N/A …) read as blank
      case "n":
      case "": {
        const n = Number(raw);
        if (raw === "" || !Number.isFinite(n)) return raw;
        return dateStyles[c.style] ? excelToDate(n, book.date1904) : String(n);
      }
      default:
        return raw; // str (a formula's text), inlineStr, d (ISO date text)
    }
  }

  await parseXml(zip.read(book.sheet, XLSX_LIMITS.sheetBytes, "лист"), {
    open(tag) {
      const name = local(tag.name);
      if (name === "row") {
        rowNumber = Number(attr(tag, "r")) || rowNumber + 1;
        cells = [];
      } else if (name === "c") {
        const col = columnOf(attr(tag, "r"));
        cell = { col: col >= 0 ? col : cells.length, type: attr(tag, "t") ?? "", style: Number(attr(tag, "s") ?? 0), text: "", hasValue: false };
      } else if (cell && (name === "v" || (name === "t" && phonetic === 0))) {
        [collecting, cell.hasValue] = [true, true];
      } else if (name === "rPh") phonetic++;
    },
    cut() {
      if (collecting && cell) throw tooLongHere(); // now, not after inflating the rest of the cell
    },
    text(text, cut) {
      if (!collecting || !cell) return;
      cell.text += text;
      if (cut || cell.text.length > MAX_CELL_CHARS) throw tooLongHere();
    },
    close(tagName) {
      const name = local(tagName);
      if (name === "v" || name === "t") collecting = false;
      else if (name === "rPh") phonetic--;
      else if (name === "c" && cell) {
        const v = value(cell);
        if (typeof v === "string" && v.length > MAX_CELL_CHARS) throw tooLongHere();
        if (cell.col < MAX_COLUMNS) cells[cell.col] = v;
        else if (rowNumber === 1 && v !== "") {
          throw new ImportFileError(400, `В первой строке больше ${MAX_COLUMNS} столбцов: оставьте только столбцы шаблона`);
        }
        cell = null;
      } else if (name === "row") {
        for (let i = 0; i < cells.length; i++) cells[i] ??= "";
        if (rowNumber === 1) header.push(...cells.map((c) => (typeof c === "string" ? c : "")));
        else if (cells.some((c) => c !== "")) {
          rows.push({ row: rowNumber, cells });
          // Stop here: the rest of the sheet is never inflated.
          if (rows.length > MAX_ROWS) throw tooManyRows();
        }
      }
    },
  }, deadline);
  return { header, rows };
}
