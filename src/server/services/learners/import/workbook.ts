// Writing spreadsheets in the import format: the downloadable template and
// the export. The export uses the same columns, so an exported class can be
// corrected in Excel and loaded back as is.
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { IMPORT_COLUMNS, type ColumnKey } from "./columns";
import { MAX_CELL_CHARS } from "./file-error";
import { MAX_FILE_BYTES, MAX_ROWS } from "./read-file";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A row for the sheet: text, numbers or dates (written as real date cells). */
export type SheetValues = Partial<Record<ColumnKey, string | number | Date | null>>;

const TEXT_COLUMNS = new Set<ColumnKey>(["learner.snils", "rep.snils", "learner.docNumber", "learner.docSeries", "rep.phone", "learner.citizenship"]);
const DATE_COLUMNS = new Set<ColumnKey>(["learner.birthDate", "learner.docIssuedAt", "enrolment.enrolledAt", "consent.givenAt"]);

function dataSheet(workbook: ExcelJS.Workbook, name: string) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.min(40, Math.max(12, c.header.length + 2)),
    // SNILS, document numbers, phones as text: Excel would drop leading zeros.
    style: TEXT_COLUMNS.has(c.key) ? { numFmt: "@" } : DATE_COLUMNS.has(c.key) ? { numFmt: "dd.mm.yyyy" } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

export async function writeLearnersXlsx(rows: SheetValues[], sheetName = "Обучающиеся"): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Контингент";
  const sheet = dataSheet(workbook, sheetName);
  for (const values of rows) sheet.addRow(values);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const EXAMPLE: SheetValues = Object.fromEntries(
  IMPORT_COLUMNS.map((c) => {
    const dmy = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(c.example);
    return [c.key, dmy ? new Date(Date.UTC(Number(dmy[3]), Number(dmy[2]) - 1, Number(dmy[1]))) : c.example];
  }),
);

const NOTES = [
  "Один обучающийся — одна строка; в строке не больше одного законного представителя (остальных добавьте в карточке).",
  "Первая строка — заголовки, как в шаблоне (порядок столбцов любой). Строку-пример удалите перед загрузкой.",
  "Форматы: XLSX (первый лист) или CSV в UTF-8 либо Windows-1251, разделитель «;» или «,».",
  `Ограничения: файл до ${MAX_FILE_BYTES / 1024 / 1024} МБ и до ${MAX_ROWS.toLocaleString("ru-RU")} строк, в ячейке до ${MAX_CELL_CHARS.toLocaleString("ru-RU")} символов, без управляющих символов.`,
  "Сначала «Проверить»: ошибки показываются по строке и столбцу, ничего не записывается. «Загрузить» записывает все строки или ни одной.",
  "Повторная загрузка того же файла ничего не меняет: обучающийся находится по СНИЛС (без СНИЛС — по ФИО, полу и дате рождения) и обновляется, только если данные отличаются.",
  "Пустая ячейка не стирает уже сохранённое значение; очистить поле можно в карточке обучающегося.",
  "Обучающийся, который уже есть в реестре региона и не числится в вашей организации, файлом не загружается: оформите его зачисление из реестра.",
];

export async function templateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Контингент";
  dataSheet(workbook, "Обучающиеся").addRow(EXAMPLE);
  const help = workbook.addWorksheet("Справка");
  help.columns = [
    { header: "Столбец", key: "header", width: 44 },
    { header: "Обязательный столбец", key: "required", width: 22 },
    { header: "Допустимые значения", key: "help", width: 100 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of IMPORT_COLUMNS) help.addRow({ header: c.header, required: c.required ? "да" : "нет", help: c.help });
  help.addRow({});
  for (const note of NOTES) help.addRow({ header: note });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The CSV template: Windows-1251 with ";", which Russian Excel opens correctly by double-click. */
export function templateCsv(): Buffer {
  const quote = (v: string) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [IMPORT_COLUMNS.map((c) => quote(c.header)), IMPORT_COLUMNS.map((c) => quote(c.example))];
  return iconv.encode(lines.map((l) => l.join(";")).join("\r\n") + "\r\n", "win1251");
}
