// One row of a resident children's file → a checked child, or the problems of
// its cells (row, column, a Russian reason). Nothing here reads the database:
// the address is resolved and the learners matched later, for the whole file.
import type { ResidentRowOutcome } from "@/lib/schemas/residents";
import { searchKey } from "@/lib/search-key";
import { isUnstorableText } from "@/lib/unstorable-text";
import { checkSnils } from "@/lib/validators/snils";
import type { Cell } from "../learners/import/read-file";
import { isoDay } from "../learners/import/row-to-input";
import { residentColumnTitle, type ResidentColumnKey, type ResidentColumnMap } from "./columns";

export interface ResidentRow {
  row: number;
  lastName: string;
  firstName: string;
  middleName: string | null;
  /** The idempotency key without SNILS and the name match: as Learner.searchName. */
  searchName: string;
  birthDate: string;
  sex: "MALE" | "FEMALE" | null;
  /** 11 digits, checksum valid. */
  snils: string | null;
  address: string;
  flat: string | null;
}

export interface ResidentIssue {
  row: number;
  column: string;
  message: string;
}

const NAME = /^[A-Za-zА-ЯЁа-яё]+(?:[ '’-][A-Za-zА-ЯЁа-яё]+)*$/;
const SEX = new Map<string, "MALE" | "FEMALE">([["м", "MALE"], ["муж", "MALE"], ["мужской", "MALE"], ["ж", "FEMALE"], ["жен", "FEMALE"], ["женский", "FEMALE"]]);
const LIMITS: Partial<Record<ResidentColumnKey, number>> = { lastName: 100, firstName: 100, middleName: 100, address: 500, flat: 20 };

/** The search key of a full name: the learner_search_name trigger's rule (lower case, ё → е, "last first middle"). */
export const residentSearchName = (last: string, first: string, middle: string | null) => searchKey([last, first, middle].filter(Boolean).join(" "));

/** A YYYY-MM-DD day `years` before `today` (29 February → 28 February). */
export function yearsBefore(today: string, years: number): string {
  const y = String(Number(today.slice(0, 4)) - years).padStart(4, "0");
  const day = `${y}${today.slice(4)}`;
  return day.endsWith("-02-29") && !new Date(`${day}T00:00:00Z`).toISOString().startsWith(day) ? `${y}-02-28` : day;
}

const realDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** `today` is the region's (regionToday): a child is from 0 to under 18 years old on it. */
export function parseResidentRow(cells: readonly Cell[], columns: ResidentColumnMap, row: number, today: string): { value: ResidentRow } | { issues: ResidentIssue[] } {
  const issues: ResidentIssue[] = [];
  const fail = (key: ResidentColumnKey, message: string) => {
    issues.push({ row, column: residentColumnTitle(key), message });
    return null;
  };
  const raw = (key: ResidentColumnKey): Cell | undefined => {
    const i = columns.index.get(key);
    return i === undefined ? undefined : cells[i];
  };
  const text = (key: ResidentColumnKey): string => {
    const cell = raw(key);
    const value = cell instanceof Date ? cell.toISOString().slice(0, 10) : (cell ?? "").trim().replace(/\s+/g, " ");
    if (isUnstorableText(value)) return fail(key, "Недопустимый символ в тексте: удалите невидимые символы") ?? "";
    const max = LIMITS[key];
    if (max && value.length > max) return fail(key, `Не длиннее ${max} символов`) ?? "";
    return value;
  };
  const name = (key: "lastName" | "firstName" | "middleName", missing: string | null) => {
    const v = text(key);
    if (!v) return missing ? fail(key, missing) : null;
    return NAME.test(v) ? v : fail(key, "Только буквы, пробел, дефис или апостроф");
  };

  const lastName = name("lastName", "Не указана фамилия");
  const firstName = name("firstName", "Не указано имя");
  const middleName = name("middleName", null);

  const birthRaw = raw("birthDate");
  const birthDate = isoDay(birthRaw === "" ? undefined : birthRaw) ?? null;
  let birth: string | null = null;
  if (!birthDate) fail("birthDate", "Не указана дата рождения");
  else if (!realDay(birthDate)) fail("birthDate", `Дата рождения — ДД.ММ.ГГГГ, в файле «${text("birthDate").slice(0, 20)}»`);
  else if (birthDate > today) fail("birthDate", "Дата рождения не может быть в будущем");
  else if (birthDate <= yearsBefore(today, 18)) fail("birthDate", "Ребёнку 18 лет или больше: в реестр вносятся дети от 0 до 18 лет");
  else birth = birthDate;

  const sexText = text("sex");
  const sex = sexText ? (SEX.get(sexText.toLowerCase().replace(/\.$/, "")) ?? fail("sex", `Пол — «м» или «ж», в файле «${sexText.slice(0, 20)}»`)) : null;

  const snilsText = text("snils");
  let snils: string | null = null;
  if (snilsText) {
    const checked = checkSnils(snilsText);
    if (checked.ok) snils = checked.value;
    else if (checked.problem === "checksum") fail("snils", "Неверная контрольная сумма СНИЛС");
    else if (checked.problem === "reserved") fail("snils", "Номер СНИЛС из зарезервированного диапазона");
    else fail("snils", "СНИЛС должен состоять из 11 цифр");
  }

  const address = text("address");
  if (!address) fail("address", "Не указан адрес");
  const flat = text("flat") || null;

  if (issues.length || !lastName || !firstName || !birth) return { issues };
  return {
    value: { row, lastName, firstName, middleName, searchName: residentSearchName(lastName, firstName, middleName), birthDate: birth, sex, snils, address, flat },
  };
}

/** Several problems of one row → one outcome (column of the first, reasons joined). */
export function issueOutcome(row: number, issues: ResidentIssue[]): ResidentRowOutcome {
  const columns = [...new Set(issues.map((i) => i.column))];
  return { row, status: "error", column: columns.join(", "), message: issues.map((i) => (columns.length > 1 && i.column ? `${i.column}: ${i.message}` : i.message)).join("; ") };
}
