// The file of resident children (registry office, polyclinic, МФЦ lists): the
// columns with the header spellings met in such lists. A contract with other
// systems' files, so the headers live here, not in the UI catalogue. Columns
// not listed are ignored and named in the answer, so a misspelt one is noticed.
import { fileColumnTitle, mapFileHeader, type FileColumn, type FileColumnMap } from "../learners/import/file-columns";

export type ResidentColumnKey = "lastName" | "firstName" | "middleName" | "birthDate" | "sex" | "snils" | "address" | "flat";

export type ResidentColumn = FileColumn<ResidentColumnKey>;

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

export const residentColumnTitle = (key: ResidentColumnKey) => fileColumnTitle(RESIDENT_COLUMNS, key);

export type ResidentColumnMap = FileColumnMap<ResidentColumnKey>;

/** Checks the header row; every problem in one message, since the file is refused as a whole. */
export const mapResidentHeader = (header: readonly string[]): ResidentColumnMap => mapFileHeader(RESIDENT_COLUMNS, header);
