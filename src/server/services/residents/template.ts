// The downloadable template of a resident children's list: the columns with
// an example row and a «Справка» sheet describing each column.
import { fileTemplateWorkbook } from "../learners/import/file-template";
import { MAX_FILE_BYTES, MAX_ROWS } from "../learners/import/read-file";
import { RESIDENT_COLUMNS, type ResidentColumnKey } from "./columns";

// SNILS, dates and flats as text: Excel would drop leading zeros or reformat the date.
const TEXT_KEYS = new Set<ResidentColumnKey>(["snils", "birthDate", "flat"]);

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
  const workbook = fileTemplateWorkbook({
    sheet: "Дети",
    columns: RESIDENT_COLUMNS,
    textKeys: TEXT_KEYS,
    minWidth: (key) => (key === "address" ? 40 : 0),
    notes: NOTES,
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
