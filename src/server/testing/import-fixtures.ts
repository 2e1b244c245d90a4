// Generated import files for tests and the import benchmark: valid rows in the
// template's column order, with checksum-valid SNILS numbers.
import { snilsCheckDigits } from "@/lib/validators";
import { IMPORT_COLUMNS } from "../services/learners/import/columns";

export const HEADERS = IMPORT_COLUMNS.map((c) => c.header);

/** A valid SNILS for a sequence number (above the reserved range). */
export function snilsFor(n: number): string {
  const first9 = String(100_000_000 + n).padStart(9, "0");
  return first9 + snilsCheckDigits(first9);
}

const LAST = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Козлов", "Новиков"];
const FIRST = ["Пётр", "Иван", "Алексей", "Дмитрий", "Сергей", "Андрей"];

/** Row `i` (0-based): a grade 1–11 learner with one representative, values in HEADERS order. */
export function learnerRow(i: number, overrides: Partial<Record<string, string>> = {}): string[] {
  const grade = 1 + (i % 11);
  const birthYear = 2025 - 7 - grade;
  const values: Record<string, string> = {
    "Фамилия": LAST[i % LAST.length]!,
    "Имя": FIRST[i % FIRST.length]!,
    "Отчество": "Сергеевич",
    "Дата рождения (ДД.ММ.ГГГГ)": `${String(1 + (i % 28)).padStart(2, "0")}.0${1 + (i % 9)}.${birthYear}`,
    "Место рождения": "",
    "Пол (М/Ж)": "М",
    "СНИЛС": snilsFor(i + 1),
    "Гражданство": "643",
    "Тип документа": "Свидетельство о рождении",
    "Серия документа": "IV-АК",
    "Номер документа": String(100_000 + (i % 900_000)),
    "Кем выдан": "Отдел ЗАГС",
    "Дата выдачи (ДД.ММ.ГГГГ)": `01.12.${birthYear}`,
    "Страна выдачи документа": "",
    "Адрес регистрации": `г. Заречный, ул. Школьная, д. ${1 + (i % 50)}`,
    "Фактический адрес": "",
    "Уровень": "",
    "Класс": String(grade),
    "Литера": ["А", "Б", "В"][i % 3]!,
    "Дата зачисления (ДД.ММ.ГГГГ)": "01.09.2024",
    "Представитель: Кем приходится": "Мать",
    "Представитель: Фамилия": `${LAST[i % LAST.length]!}а`,
    "Представитель: Имя": "Мария",
    "Представитель: Отчество": "Ивановна",
    "Представитель: СНИЛС": snilsFor(500_000 + i),
    "Представитель: Гражданство": "",
    "Представитель: Телефон": "+7 900 123-45-67",
    "Представитель: Email": "",
    "Представитель: Согласие дано (ДД.ММ.ГГГГ)": "01.09.2024",
    ...overrides,
  };
  return HEADERS.map((h) => values[h] ?? "");
}

export function toCsv(rows: string[][], delimiter = ";"): string {
  const quote = (v: string) => (v.includes(delimiter) || v.includes('"') || v.includes("\n") ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(quote).join(delimiter)).join("\r\n") + "\r\n";
}

export function learnersCsv(count: number, delimiter = ";"): string {
  return toCsv([HEADERS, ...Array.from({ length: count }, (_, i) => learnerRow(i))], delimiter);
}
