// One row of a ГИА results file → a checked result, or the problems of its
// cells (row, column, a Russian reason). Rules of the exams themselves:
// ОГЭ and ГВЭ give a mark 2–5 (and a primary score); ЕГЭ gives a test score
// 0–100, except ЕГЭ mathematics at the basic level (ФЦТ code 22), which gives
// a mark. Nothing here reads the registry: learners are matched later.
import { checkSnils } from "@/lib/validators/snils";
import type { GiaIssue } from "@/lib/schemas/gia-import";
import type { Cell } from "../learners/import/read-file";
import { columnTitle, type GiaColumnKey, type GiaColumnMap } from "./columns";

export type ExamKindCode = "OGE" | "GVE" | "EGE";

/** ЕГЭ mathematics, basic level: marked 2–5, no test score. */
export const EGE_BASIC_MATH = 22;
/** Scores are small integers; a primary score above 100 exists in no ГИА subject. */
const MAX_SCORE = 100;
const FIRST_YEAR = 2000;

export interface GiaRow {
  row: number;
  kind: ExamKindCode;
  year: number;
  /** 11 digits (a row without SNILS cannot be matched and is refused here). */
  snils: string;
  /** The SNILS's check number is wrong (a typo is likely): said in the "not found" reason. */
  snilsChecksumBad: boolean;
  lastName: string;
  code: number;
  primaryScore: number | null;
  testScore: number | null;
  mark: number | null;
}

const KIND_WORDS = new Map<string, ExamKindCode>([
  ["огэ", "OGE"], ["oge", "OGE"],
  ["гвэ", "GVE"], ["гвэ-9", "GVE"], ["гвэ-11", "GVE"], ["гвэ 9", "GVE"], ["гвэ 11", "GVE"], ["gve", "GVE"],
  ["егэ", "EGE"], ["ege", "EGE"],
]);

export const KIND_LABELS: Record<ExamKindCode, string> = { OGE: "ОГЭ", GVE: "ГВЭ", EGE: "ЕГЭ" };

/** A whole number as a spreadsheet writes it: "45", "45.0", "45,0". */
function wholeNumber(text: string): number | null {
  const m = /^(\d{1,6})(?:[.,]0+)?$/.exec(text);
  return m ? Number(m[1]) : null;
}

export function parseGiaRow(cells: readonly Cell[], columns: GiaColumnMap, row: number, codes: ReadonlySet<number>, thisYear: number): { value: GiaRow } | { issues: GiaIssue[] } {
  const issues: GiaIssue[] = [];
  const text = (key: GiaColumnKey): string => {
    const i = columns.index.get(key);
    const cell = i === undefined ? undefined : cells[i];
    return cell instanceof Date ? cell.toISOString().slice(0, 10) : (cell ?? "").trim();
  };
  const fail = (key: GiaColumnKey, message: string) => {
    issues.push({ row, column: columnTitle(key), message });
    return null;
  };
  const score = (key: GiaColumnKey, what: string, min: number, max: number): number | null => {
    const raw = text(key);
    if (raw === "") return null;
    const n = wholeNumber(raw);
    if (n === null || n < min || n > max) return fail(key, `${what} — целое число от ${min} до ${max}, в файле «${raw.slice(0, 20)}»`);
    return n;
  };

  const kindText = text("kind");
  const kind = KIND_WORDS.get(kindText.toLowerCase().replace(/\s+/g, " ")) ?? null;
  if (!kind) fail("kind", kindText ? `Неизвестный вид экзамена «${kindText.slice(0, 20)}»: укажите ОГЭ, ГВЭ или ЕГЭ` : "Не указан вид экзамена (ОГЭ, ГВЭ или ЕГЭ)");

  const yearText = text("year");
  const year = wholeNumber(yearText);
  if (year === null || year < FIRST_YEAR || year > thisYear) {
    fail("year", yearText ? `Год экзамена — от ${FIRST_YEAR} до ${thisYear}, в файле «${yearText.slice(0, 20)}»` : "Не указан год экзамена");
  }

  const snilsText = text("snils");
  let snils: string | null = null;
  let snilsChecksumBad = false;
  if (snilsText) {
    const checked = checkSnils(snilsText);
    if (checked.ok) snils = checked.value;
    else if (checked.problem === "checksum") [snils, snilsChecksumBad] = [snilsText.replace(/\D/g, ""), true];
    else fail("snils", checked.problem === "reserved" ? "Такой СНИЛС не выдаётся людям (заглушка): укажите настоящий" : "СНИЛС — 11 цифр (XXX-XXX-XXX YY)");
  } else if (text("docNumber")) {
    fail("snils", "Нет СНИЛС: по документу участник не сопоставляется (номер документа хранится в реестре зашифрованным, поиска по нему нет). Укажите СНИЛС");
  } else {
    fail("snils", "Нет СНИЛС участника");
  }

  const lastName = text("lastName");
  if (!lastName) fail("lastName", "Не указана фамилия участника (она сверяется с реестром)");

  const codeText = text("subjectCode");
  const code = wholeNumber(codeText);
  if (code === null || !codes.has(code)) {
    fail("subjectCode", codeText ? `Неизвестный код предмета ФЦТ «${codeText.slice(0, 20)}»: коды — в справочнике предметов` : "Не указан код предмета");
  }

  const primaryScore = score("primaryScore", "Первичный балл", 0, MAX_SCORE);
  const testScore = score("testScore", "Тестовый балл", 0, 100);
  const mark = score("mark", "Отметка", 2, 5);
  if (kind) {
    const marked = kind !== "EGE" || code === EGE_BASIC_MATH;
    const what = kind === "EGE" ? "ЕГЭ по математике базового уровня" : KIND_LABELS[kind];
    if (marked) {
      if (mark === null && !text("mark")) fail("mark", `Для ${what} нужна отметка от 2 до 5`);
      if (testScore !== null) fail("testScore", `У ${what} нет тестового балла: оставьте ячейку пустой`);
    } else {
      if (testScore === null && !text("testScore")) fail("testScore", "Для ЕГЭ нужен тестовый балл от 0 до 100");
      if (mark !== null) fail("mark", "У ЕГЭ (кроме математики базового уровня) нет отметки: оставьте ячейку пустой");
    }
  }

  if (issues.length || !kind || year === null || code === null || snils === null) return { issues };
  return { value: { row, kind, year, snils, snilsChecksumBad, lastName, code, primaryScore, testScore, mark } };
}
