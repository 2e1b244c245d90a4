// The file of resident children (registry office, polyclinic, МФЦ lists): the
// columns with the header spellings met in such lists. A contract with other
// systems' files, so the headers live here, not in the UI catalogue. Columns
// not listed are ignored and named in the answer, so a misspelt one is noticed.
import { normalizeHeader } from "../learners/import/columns";
import { ImportFileError } from "../learners/import/read-file";

export type ResidentColumnKey = "lastName" | "firstName" | "middleName" | "birthDate" | "sex" | "snils" | "address" | "flat";

export interface ResidentColumn {
  key: ResidentColumnKey;
  /** The template's header (first) and the accepted variants. */
  headers: readonly string[];
  required: boolean;
  /** For the «Справка» sheet of the template and docs/children-account.md. */
  help: string;
  example: string;
}

export const RESIDENT_COLUMNS: readonly ResidentColumn[] = [
  { key: "lastName", headers: ["Фамилия", "Фамилия ребёнка", "Фамилия ребенка"], required: true, help: "Обязательно", example: "Иванов" },
  { key: "firstName", headers: ["Имя", "Имя ребёнка", "Имя ребенка"], required: true, help: "Обязательно", example: "Пётр" },
  { key: "middleName", headers: ["Отчество", "Отчество ребёнка", "Отчество ребенка"], required: false, help: "Если есть", example: "Сергеевич" },
  { key: "birthDate", headers: ["Дата рождения", "Дата рожд."], required: true, help: "Обязательно. ДД.ММ.ГГГГ; ребёнку от 0 до 18 лет", example: "15.03.2019" },
  { key: "sex", headers: ["Пол"], required: false, help: "м или ж; необязательно", example: "м" },
  { key: "snils", headers: ["СНИЛС", "СНИЛС ребёнка", "СНИЛС ребенка"], required: false, help: "11 цифр, можно XXX-XXX-XXX YY; контрольное число проверяется. По нему ребёнок сопоставляется с обучающимися", example: "112-233-445 95" },
  { key: "address", headers: ["Адрес", "Адрес регистрации", "Адрес проживания", "Адрес места жительства"], required: true, help: "Обязательно. Населённый пункт, улица, дом (без квартиры): ищется в адресном реестре (ГАР)", example: "г. Заречный, ул. Школьная, д. 5" },
  { key: "flat", headers: ["Квартира", "Кв.", "Кв"], required: false, help: "Номер квартиры; необязательно", example: "12" },
];

export const residentColumnTitle = (key: ResidentColumnKey) => RESIDENT_COLUMNS.find((c) => c.key === key)!.headers[0]!;

const BY_HEADER = new Map(RESIDENT_COLUMNS.flatMap((c) => c.headers.map((h) => [normalizeHeader(h), c] as const)));

export interface ResidentColumnMap {
  index: Map<ResidentColumnKey, number>;
  ignored: string[];
}

/** Checks the header row; every problem in one message, since the file is refused as a whole. */
export function mapResidentHeader(header: readonly string[]): ResidentColumnMap {
  const index = new Map<ResidentColumnKey, number>();
  const ignored: string[] = [];
  const problems: string[] = [];
  header.forEach((raw, i) => {
    if (!raw.trim()) return;
    const column = BY_HEADER.get(normalizeHeader(raw));
    if (!column) ignored.push(raw.trim());
    else if (index.has(column.key)) problems.push(`столбец «${residentColumnTitle(column.key)}» повторяется («${raw.trim()}»)`);
    else index.set(column.key, i);
  });
  const missing = RESIDENT_COLUMNS.filter((c) => c.required && !index.has(c.key)).map((c) => `«${c.headers[0]}»`);
  if (missing.length) problems.unshift(`нет обязательных столбцов: ${missing.join(", ")}`);
  if (problems.length) {
    throw new ImportFileError(400, `Заголовки файла не подходят: ${problems.join("; ")}. Скачайте шаблон и сверьте первую строку.`);
  }
  return { index, ignored };
}
