// The downloadable template of a resident children's list: the columns with
// an example row and a «Справка» sheet describing each column.
import ExcelJS from "exceljs";
import { MAX_FILE_BYTES, MAX_ROWS } from "../learners/import/read-file";
import { RESIDENT_COLUMNS } from "./columns";

const TEXT_KEYS = new Set(["snils", "birthDate", "flat"]);

const NOTES = [
  "Одна строка — один ребёнок от 0 до 18 лет, проживающий на территории муниципалитета. Первая строка — заголовки (порядок любой; другие столбцы не мешают и пропускаются). Строку-пример удалите.",
  "Источник списка (ЗАГС, поликлиника, МФЦ, иное) и муниципалитет выбираются на странице загрузки.",
  "Форматы: XLSX (первый лист) или CSV в UTF-8 либо Windows-1251, разделитель «;» или «,».",
  `Ограничения: файл до ${MAX_FILE_BYTES / 1024 / 1024} МБ и до ${MAX_ROWS.toLocaleString("ru-RU")} строк.`,
  "Ребёнок сопоставляется с обучающимися региона: по СНИЛС, а без совпадения по СНИЛС — по ФИО, дате рождения и дому адреса (если подходит ровно один обучающийся).",
  "Сначала «Проверить»: по каждой строке видно, что будет сделано, и ошибки со строкой и столбцом. «Загрузить» записывает все строки или ни одной.",
  "Повторная загрузка того же файла ничего не меняет. Исправленный файл обновляет названных в нём детей (ключ — СНИЛС, без СНИЛС — ФИО и дата рождения); пустые необязательные ячейки не стирают записанное.",
];

export async function residentTemplateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Контингент";
  const data = workbook.addWorksheet("Дети", { views: [{ state: "frozen", ySplit: 1 }] });
  data.columns = RESIDENT_COLUMNS.map((c) => ({
    header: c.headers[0],
    key: c.key,
    width: Math.max(14, c.headers[0]!.length + 2, c.key === "address" ? 40 : 0),
    // SNILS, dates and flats as text: Excel would drop leading zeros or reformat the date.
    style: TEXT_KEYS.has(c.key) ? { numFmt: "@" } : {},
  }));
  data.getRow(1).font = { bold: true };
  data.addRow(Object.fromEntries(RESIDENT_COLUMNS.map((c) => [c.key, c.example])));

  const help = workbook.addWorksheet("Справка");
  help.columns = [
    { header: "Столбец", key: "header", width: 30 },
    { header: "Другие названия", key: "variants", width: 50 },
    { header: "Обязательный столбец", key: "required", width: 22 },
    { header: "Допустимые значения", key: "help", width: 100 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of RESIDENT_COLUMNS) {
    help.addRow({ header: c.headers[0], variants: c.headers.slice(1).join("; "), required: c.required ? "да" : "нет", help: c.help });
  }
  help.addRow({});
  for (const note of NOTES) help.addRow({ header: note });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
