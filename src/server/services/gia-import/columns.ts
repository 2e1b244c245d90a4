// The ГИА results file: the columns the exam centre's (РЦОИ) exports carry,
// with the header spellings met in practice. A contract with other systems'
// files, so the headers live here, not in the UI catalogue. Columns not listed
// are ignored (an exam centre's file has many: name, class, school code …) and
// named in the answer, so a misspelt score column is noticed.
import { normalizeHeader } from "../learners/import/columns";
import { ImportFileError } from "../learners/import/read-file";

export type GiaColumnKey =
  | "kind" | "year" | "snils" | "docType" | "docSeries" | "docNumber" | "lastName"
  | "subjectCode" | "subjectName" | "primaryScore" | "testScore" | "mark";

export interface GiaColumn {
  key: GiaColumnKey;
  /** The template's header (first) and the accepted variants. */
  headers: readonly string[];
  required: boolean;
  /** For the «Справка» sheet of the template and docs/features.md. */
  help: string;
  example: string;
}

export const GIA_COLUMNS: readonly GiaColumn[] = [
  { key: "kind", headers: ["Вид экзамена", "Форма ГИА", "Форма экзамена", "Вид ГИА", "Экзамен"], required: true, help: "Обязательно. ОГЭ, ГВЭ или ЕГЭ (также ГВЭ-9, ГВЭ-11, OGE, GVE, EGE)", example: "ЕГЭ" },
  { key: "year", headers: ["Год", "Год экзамена", "Год проведения", "Год ГИА"], required: true, help: "Обязательно. Год экзамена, четыре цифры, не позже текущего", example: "2026" },
  { key: "snils", headers: ["СНИЛС", "СНИЛС участника"], required: false, help: "11 цифр, можно XXX-XXX-XXX YY; по нему участник находится в реестре региона. Столбец СНИЛС или номера документа обязателен", example: "112-233-445 95" },
  { key: "docType", headers: ["Тип документа", "Вид документа", "Тип документа, удостоверяющего личность"], required: false, help: "Принимается, но для сопоставления не используется (см. «Номер документа»)", example: "Паспорт РФ" },
  { key: "docSeries", headers: ["Серия документа"], required: false, help: "Принимается, но для сопоставления не используется", example: "4521" },
  { key: "docNumber", headers: ["Номер документа"], required: false, help: "Строка без СНИЛС не загружается: номер документа хранится в реестре зашифрованным, поиска по нему нет", example: "123456" },
  { key: "lastName", headers: ["Фамилия", "Фамилия участника"], required: true, help: "Обязательно. Сверяется с фамилией обучающегося с этим СНИЛС (регистр и ё/е не важны)", example: "Иванов" },
  { key: "subjectCode", headers: ["Код предмета", "Код предмета ФЦТ", "Код учебного предмета"], required: true, help: "Обязательно. Код предмета ФЦТ (1 — русский язык, 2 — математика профильная, 22 — математика базовая …), см. справочник предметов", example: "1" },
  { key: "subjectName", headers: ["Предмет", "Наименование предмета", "Название предмета"], required: false, help: "Необязательно, не проверяется: предмет определяет код", example: "Русский язык" },
  { key: "primaryScore", headers: ["Первичный балл", "Первичный", "Первичные баллы"], required: false, help: "Целое число 0–100; необязательно", example: "38" },
  { key: "testScore", headers: ["Тестовый балл", "Балл по 100-балльной шкале", "Стобалльный балл", "Тестовые баллы"], required: false, help: "ЕГЭ (кроме математики базовой, код 22): обязательно, 0–100. ОГЭ и ГВЭ: пусто", example: "72" },
  { key: "mark", headers: ["Отметка", "Оценка", "Отметка по пятибалльной шкале", "Оценка по пятибалльной шкале", "Отметка по 5-балльной шкале"], required: false, help: "ОГЭ, ГВЭ и ЕГЭ по математике базовой (код 22): обязательно, 2–5. Остальные ЕГЭ: пусто", example: "" },
];

export const columnTitle = (key: GiaColumnKey) => GIA_COLUMNS.find((c) => c.key === key)!.headers[0]!;

const BY_HEADER = new Map(GIA_COLUMNS.flatMap((c) => c.headers.map((h) => [normalizeHeader(h), c] as const)));

export interface GiaColumnMap {
  index: Map<GiaColumnKey, number>;
  /** Headers of the file that are not ГИА columns (ignored). */
  ignored: string[];
}

/** Checks the header row; every problem in one message, since the file is refused as a whole. */
export function mapGiaHeader(header: readonly string[]): GiaColumnMap {
  const index = new Map<GiaColumnKey, number>();
  const ignored: string[] = [];
  const problems: string[] = [];
  header.forEach((raw, i) => {
    if (!raw.trim()) return;
    const column = BY_HEADER.get(normalizeHeader(raw));
    if (!column) ignored.push(raw.trim());
    else if (index.has(column.key)) problems.push(`столбец «${columnTitle(column.key)}» повторяется («${raw.trim()}»)`);
    else index.set(column.key, i);
  });
  const missing = GIA_COLUMNS.filter((c) => c.required && !index.has(c.key)).map((c) => `«${c.headers[0]}»`);
  if (!index.has("snils") && !index.has("docNumber")) missing.push("«СНИЛС» (или «Номер документа»)");
  if (missing.length) problems.unshift(`нет обязательных столбцов: ${missing.join(", ")}`);
  if (problems.length) {
    throw new ImportFileError(400, `Заголовки файла не подходят: ${problems.join("; ")}. Скачайте шаблон и сверьте первую строку.`);
  }
  return { index, ignored };
}
