// What every reader of an uploaded file shares: the error that refuses the
// whole file, the limits, and the shape of what is read. Kept apart from
// read-file.ts so the XLSX reader can use them without an import cycle.

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 100_000;
/** Longest cell accepted; the longest field of the form (an address) takes 500. */
export const MAX_CELL_CHARS = 10_000;
/** Widest header accepted; the template has 29 columns. Bounds the memory a row may take. */
export const MAX_COLUMNS = 200;

/** A problem with the file as a whole; `status` is the HTTP status to answer with. */
export class ImportFileError extends Error {
  constructor(
    readonly status: 400 | 413 | 415 | 503,
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

export const tooManyRows = () => new ImportFileError(413, `В файле больше ${MAX_ROWS.toLocaleString("ru-RU")} строк: разделите его на части`);

/** "A", "Z", "AA" … for a 0-based column index, as Excel names columns. */
export function columnLetter(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export const cellTooLong = (row: number, column: string) =>
  new ImportFileError(
    413,
    `В ячейке ${column}${row} (строка ${row}) больше ${MAX_CELL_CHARS.toLocaleString("ru-RU")} символов: так длинно не бывает ни одно поле. Исправьте ячейку и загрузите файл снова`,
  );
