// The import file format: one learner per row, with at most one legal
// representative. This is a contract with schools' spreadsheets, so the
// headers and accepted words are fixed here rather than taken from the UI
// catalogue, which may be reworded at any time.
import { ImportFileError } from "./read-file";

export type LearnerKey =
  | "lastName" | "firstName" | "middleName" | "birthDate" | "birthPlace" | "sex" | "snils" | "citizenship"
  | "docType" | "docSeries" | "docNumber" | "docIssuer" | "docIssuedAt" | "docCountry"
  | "registrationAddress" | "stayAddress" | "actualAddress";
export type EnrolmentKey = "level" | "grade" | "classLetter" | "enrolledAt";
export type RepKey = "relation" | "lastName" | "firstName" | "middleName" | "snils" | "citizenship" | "phone" | "email";

export type ColumnKey = `learner.${LearnerKey}` | `enrolment.${EnrolmentKey}` | `rep.${RepKey}` | "consent.givenAt";

export interface ImportColumn {
  key: ColumnKey;
  header: string;
  /** The column must be present in the file (its value may still be optional). */
  required: boolean;
  /** For the «Справка» sheet of the template. */
  help: string;
  example: string;
}

const DATE = "ДД.ММ.ГГГГ (или ячейка с датой в XLSX)";
const REP = "Представитель: ";

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: "learner.lastName", header: "Фамилия", required: true, help: "Обязательно. Буквы, пробел, дефис, апостроф", example: "Иванов" },
  { key: "learner.firstName", header: "Имя", required: true, help: "Обязательно", example: "Пётр" },
  { key: "learner.middleName", header: "Отчество", required: false, help: "Если есть", example: "Сергеевич" },
  { key: "learner.birthDate", header: "Дата рождения (ДД.ММ.ГГГГ)", required: true, help: `Обязательно. ${DATE}; возраст должен подходить уровню`, example: "15.03.2016" },
  { key: "learner.birthPlace", header: "Место рождения", required: false, help: "Необязательно", example: "г. Заречный" },
  { key: "learner.sex", header: "Пол (М/Ж)", required: true, help: "Обязательно. М или Ж (также: муж, жен)", example: "М" },
  { key: "learner.snils", header: "СНИЛС", required: true, help: "11 цифр, можно XXX-XXX-XXX YY; по нему повторная загрузка находит запись. Столбец обязателен, значение — желательно", example: "112-233-445 95" },
  { key: "learner.citizenship", header: "Гражданство", required: true, help: "Обязательно. Код ОКСМ (643) или название страны; «Без гражданства»", example: "643" },
  { key: "learner.docType", header: "Тип документа", required: false, help: "Свидетельство о рождении; Паспорт РФ; Иностранное свидетельство о рождении; Иностранный паспорт; Иной документ", example: "Свидетельство о рождении" },
  { key: "learner.docSeries", header: "Серия документа", required: false, help: "Свидетельство РФ: IV-АК (римские цифры латиницей, дефис, две русские буквы); паспорт РФ: 4 цифры", example: "IV-АК" },
  { key: "learner.docNumber", header: "Номер документа", required: false, help: "Свидетельство и паспорт РФ: 6 цифр", example: "123456" },
  { key: "learner.docIssuer", header: "Кем выдан", required: false, help: "Необязательно", example: "Отдел ЗАГС г. Заречный" },
  { key: "learner.docIssuedAt", header: "Дата выдачи (ДД.ММ.ГГГГ)", required: false, help: DATE, example: "20.03.2016" },
  { key: "learner.docCountry", header: "Страна выдачи документа", required: false, help: "Для иностранных документов обязательно: код ОКСМ или название", example: "" },
  { key: "learner.registrationAddress", header: "Адрес регистрации", required: false, help: "До 500 символов", example: "г. Заречный, ул. Школьная, д. 1, кв. 2" },
  { key: "learner.stayAddress", header: "Адрес регистрации по месту пребывания", required: false, help: "Необязательно, до 500 символов", example: "" },
  { key: "learner.actualAddress", header: "Фактический адрес", required: false, help: "До 500 символов", example: "" },
  { key: "enrolment.level", header: "Уровень", required: true, help: "Дошкольное; НОО; ООО; СОО; СПО; Дополнительное. Пусто — по классу (1–4 НОО, 5–9 ООО, 10–11 СОО)", example: "НОО" },
  { key: "enrolment.grade", header: "Класс", required: true, help: "Число 0–12; для НОО 1–4, ООО 5–9, СОО 10–11", example: "3" },
  { key: "enrolment.classLetter", header: "Литера", required: false, help: "Одна-две русские буквы", example: "А" },
  { key: "enrolment.enrolledAt", header: "Дата зачисления (ДД.ММ.ГГГГ)", required: true, help: `Обязательно. ${DATE}`, example: "01.09.2023" },
  { key: "rep.relation", header: `${REP}Кем приходится`, required: false, help: "Мать; Отец; Опекун; Попечитель; Другое. Все столбцы представителя пусты — представителя нет", example: "Мать" },
  { key: "rep.lastName", header: `${REP}Фамилия`, required: false, help: "Обязательно, если указан представитель", example: "Иванова" },
  { key: "rep.firstName", header: `${REP}Имя`, required: false, help: "Обязательно, если указан представитель", example: "Мария" },
  { key: "rep.middleName", header: `${REP}Отчество`, required: false, help: "Если есть", example: "Ивановна" },
  { key: "rep.snils", header: `${REP}СНИЛС`, required: false, help: "По нему представитель — один человек для всех своих детей", example: "" },
  { key: "rep.citizenship", header: `${REP}Гражданство`, required: false, help: "Пусто — как у обучающегося", example: "" },
  { key: "rep.phone", header: `${REP}Телефон`, required: false, help: "Цифры, пробелы, скобки, дефис, +", example: "+7 900 123-45-67" },
  { key: "rep.email", header: `${REP}Email`, required: false, help: "Адрес электронной почты", example: "" },
  { key: "consent.givenAt", header: `${REP}Согласие дано (ДД.ММ.ГГГГ)`, required: false, help: "Дата согласия на обработку ПДн; даёт этот представитель", example: "01.09.2023" },
];

/** Case, ё/е, spacing and the "(ДД.ММ.ГГГГ)" hints do not matter in a header. */
export function normalizeHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/\([^)]*\)/g, " ")
    .replace(/[*\s]+/g, " ")
    .replace(/\s*:\s*/g, ": ")
    .trim();
}

const BY_HEADER = new Map(IMPORT_COLUMNS.map((c) => [normalizeHeader(c.header), c]));

/** Which cell index holds each column; absent optional columns are missing from the map. */
export type ColumnMap = Map<ColumnKey, number>;

/** Checks the header row; every problem in one message, since the file is refused as a whole. */
export function mapHeader(header: readonly string[]): ColumnMap {
  const map: ColumnMap = new Map();
  const problems: string[] = [];
  header.forEach((raw, index) => {
    if (!raw.trim()) return;
    const column = BY_HEADER.get(normalizeHeader(raw));
    if (!column) problems.push(`неизвестный столбец «${raw.trim()}»`);
    else if (map.has(column.key)) problems.push(`столбец «${column.header}» повторяется`);
    else map.set(column.key, index);
  });
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !map.has(c.key)).map((c) => `«${c.header}»`);
  if (missing.length) problems.unshift(`нет обязательных столбцов: ${missing.join(", ")}`);
  if (problems.length) {
    throw new ImportFileError(400, `Заголовки файла не совпадают с шаблоном: ${problems.join("; ")}. Скачайте шаблон и сверьте первую строку.`);
  }
  return map;
}

const words = <T extends string>(entries: Record<T, string[]>) =>
  new Map(Object.entries<string[]>(entries).flatMap(([code, list]) => [code, ...list].map((w) => [w.toLowerCase().replace(/ё/g, "е"), code as T])));

export const SEX_WORDS = words({ MALE: ["м", "муж", "мужской", "m", "male"], FEMALE: ["ж", "жен", "женский", "f", "female"] });
export const LEVEL_WORDS = words({
  PRESCHOOL: ["дошкольное", "до", "дошкольное образование"],
  PRIMARY: ["ноо", "начальное общее", "начальное общее образование"],
  BASIC: ["ооо", "основное общее", "основное общее образование"],
  SECONDARY: ["соо", "среднее общее", "среднее общее образование"],
  VOCATIONAL: ["спо", "среднее профессиональное"],
  ADDITIONAL: ["дополнительное", "дополнительное образование", "доп"],
});
export const DOC_WORDS = words({
  BIRTH_CERTIFICATE_RF: ["свидетельство о рождении", "свидетельство о рождении рф", "свидетельство о рождении (рф)", "св-во о рождении"],
  PASSPORT_RF: ["паспорт", "паспорт рф", "паспорт гражданина рф"],
  FOREIGN_BIRTH_CERTIFICATE: ["иностранное свидетельство о рождении"],
  FOREIGN_PASSPORT: ["иностранный паспорт", "паспорт иностранного гражданина"],
  OTHER: ["иной документ", "иной", "другой документ", "другой"],
});
export const RELATION_WORDS = words({
  MOTHER: ["мать", "мама"],
  FATHER: ["отец", "папа"],
  GUARDIAN: ["опекун"],
  TRUSTEE: ["попечитель"],
  OTHER: ["другое", "иное", "другой"],
});

/** Labels written back by the export, so an exported file re-imports as is. */
export const LABELS = {
  sex: { MALE: "М", FEMALE: "Ж" },
  level: { PRESCHOOL: "Дошкольное", PRIMARY: "НОО", BASIC: "ООО", SECONDARY: "СОО", VOCATIONAL: "СПО", ADDITIONAL: "Дополнительное" },
  docType: {
    BIRTH_CERTIFICATE_RF: "Свидетельство о рождении",
    PASSPORT_RF: "Паспорт РФ",
    FOREIGN_BIRTH_CERTIFICATE: "Иностранное свидетельство о рождении",
    FOREIGN_PASSPORT: "Иностранный паспорт",
    OTHER: "Иной документ",
  },
  relation: { MOTHER: "Мать", FATHER: "Отец", GUARDIAN: "Опекун", TRUSTEE: "Попечитель", OTHER: "Другое" },
} as const;
