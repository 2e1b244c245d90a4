// The ГИА results file: the columns the exam centre's (РЦОИ) exports carry,
// with the header spellings met in practice. A contract with other systems'
// files, so the headers live here, not in the UI catalogue. Columns not listed
// are ignored (an exam centre's file has many: name, class, school code …) and
// named in the answer, so a misspelt score column is noticed.
import { fileColumnTitle, mapFileHeader, type FileColumn, type FileColumnMap } from "../learners/import/file-columns";

export type GiaColumnKey =
  | "kind" | "year" | "snils" | "docType" | "docSeries" | "docNumber" | "lastName"
  | "subjectCode" | "subjectName" | "primaryScore" | "testScore" | "mark";

export type GiaColumn = FileColumn<GiaColumnKey>;

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

export const columnTitle = (key: GiaColumnKey) => fileColumnTitle(GIA_COLUMNS, key);

export type GiaColumnMap = FileColumnMap<GiaColumnKey>;

/** Checks the header row; every problem in one message, since the file is refused as a whole. */
export const mapGiaHeader = (header: readonly string[]): GiaColumnMap =>
  mapFileHeader(GIA_COLUMNS, header, (index) => (!index.has("snils") && !index.has("docNumber") ? ["«СНИЛС» (или «Номер документа»)"] : []));
