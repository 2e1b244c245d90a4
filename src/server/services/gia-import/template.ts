// The downloadable ГИА results template: the columns with an example row,
// a «Справка» sheet describing each column, and the ФЦТ subject codes.
import { fileTemplateWorkbook } from "../learners/import/file-template";
import type { DbTx, Db } from "../../db";
import { MAX_FILE_BYTES, MAX_ROWS } from "../learners/import/read-file";
import { GIA_COLUMNS, type GiaColumnKey } from "./columns";

// SNILS and document numbers as text: Excel would drop leading zeros.
const TEXT_KEYS = new Set<GiaColumnKey>(["snils", "docSeries", "docNumber"]);

const NOTES = [
  "Одна строка — один результат одного участника по одному предмету. Первая строка — заголовки (порядок любой; другие столбцы файла РЦОИ не мешают и пропускаются). Строку-пример удалите.",
  "Форматы: XLSX (первый лист) или CSV в UTF-8 либо Windows-1251, разделитель «;» или «,».",
  `Ограничения: файл до ${MAX_FILE_BYTES / 1024 / 1024} МБ и до ${MAX_ROWS.toLocaleString("ru-RU")} строк.`,
  "Участник находится по СНИЛС среди обучающихся региона (у муниципального специалиста — среди обучающихся школ своего муниципалитета); фамилия сверяется.",
  "Сначала «Проверить»: по каждой строке видно, что будет сделано, и ошибки со строкой и столбцом. «Загрузить» записывает все строки или ни одной.",
  "Повторная загрузка того же файла ничего не меняет. Изменённый балл (апелляция) заменяет записанный результат того же участника, вида экзамена, года и кода предмета.",
];

export async function giaTemplateXlsx(db: Db | DbTx): Promise<Buffer> {
  const workbook = fileTemplateWorkbook({ sheet: "Результаты ГИА", columns: GIA_COLUMNS, textKeys: TEXT_KEYS, notes: NOTES });

  const codes = workbook.addWorksheet("Коды предметов");
  codes.columns = [
    { header: "Код ФЦТ", key: "code", width: 10 },
    { header: "Предмет ГИА", key: "name", width: 44 },
    { header: "Предмет справочника", key: "subject", width: 40 },
  ];
  codes.getRow(1).font = { bold: true };
  const rows = await db.giaSubject.findMany({ select: { code: true, name: true, subject: { select: { name: true } } }, orderBy: { code: "asc" } });
  for (const r of rows) codes.addRow({ code: r.code, name: r.name, subject: r.subject.name });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
