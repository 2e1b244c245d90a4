// The downloadable template of a file another system sends (file-columns.ts):
// a sheet with the columns and an example row, and a «Справка» sheet that
// describes each column (its other spellings, whether it is required, what it
// takes) followed by the notes. The caller adds sheets of its own.
import ExcelJS from "exceljs";
import type { FileColumn } from "./file-columns";

export interface FileTemplate<K extends string> {
  sheet: string;
  columns: readonly FileColumn<K>[];
  /** Columns formatted as text: Excel would drop leading zeros (SNILS, document numbers) or reformat a date. */
  textKeys: ReadonlySet<K>;
  /** Width of a data column, at least the header's. */
  minWidth?: (key: K) => number;
  notes: readonly string[];
}

export function fileTemplateWorkbook<K extends string>(t: FileTemplate<K>): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Контингент";
  const data = workbook.addWorksheet(t.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  data.columns = t.columns.map((c) => ({
    header: c.headers[0],
    key: c.key,
    width: Math.max(14, c.headers[0]!.length + 2, t.minWidth?.(c.key) ?? 0),
    style: t.textKeys.has(c.key) ? { numFmt: "@" } : {},
  }));
  data.getRow(1).font = { bold: true };
  data.addRow(Object.fromEntries(t.columns.map((c) => [c.key, c.example])));

  const help = workbook.addWorksheet("Справка");
  help.columns = [
    { header: "Столбец", key: "header", width: 34 },
    { header: "Другие названия", key: "variants", width: 50 },
    { header: "Обязательный столбец", key: "required", width: 22 },
    { header: "Допустимые значения", key: "help", width: 100 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of t.columns) {
    help.addRow({ header: c.headers[0], variants: c.headers.slice(1).join("; "), required: c.required ? "да" : "нет", help: c.help });
  }
  help.addRow({});
  for (const note of t.notes) help.addRow({ header: note });
  return workbook;
}
