// One spreadsheet row → the same input the learner form sends, checked by the
// same zod schema (ZCreateLearnerInput), so import and forms agree on every rule.
import { parseCitizenship } from "@/lib/countries";
import { ZCreateLearnerInput, type CreateLearnerInput } from "@/lib/schemas/learner";
import {
  DOC_WORDS,
  IMPORT_COLUMNS,
  LEVEL_WORDS,
  RELATION_WORDS,
  SEX_WORDS,
  type ColumnKey,
  type ColumnMap,
} from "./columns";
import type { Cell } from "./read-file";

import type { ImportIssue } from "@/lib/import-result";

export type { ImportIssue };

export interface ParsedRow {
  row: number;
  input: CreateLearnerInput | null;
  issues: ImportIssue[];
}

/** Consent scope recorded for a consent date given in a file (the file has no scope column). */
export const IMPORTED_CONSENT_SCOPE = "Обработка персональных данных обучающегося и законного представителя";

const HEADER = new Map(IMPORT_COLUMNS.map((c) => [c.key, c.header]));
const GRADE_LEVEL: [number, number, "PRIMARY" | "BASIC" | "SECONDARY"][] = [[1, 4, "PRIMARY"], [5, 9, "BASIC"], [10, 11, "SECONDARY"]];

/**
 * Control characters (NUL …), a character that could not be decoded (U+FFFD)
 * and a lone surrogate. PostgreSQL refuses a NUL in text, so a commit would
 * fail on one the dry run let through; both check every mapped cell here.
 */
const UNREADABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function unreadableMessage(value: string): string | undefined {
  const bad = UNREADABLE.exec(value);
  if (!bad) return undefined;
  const at = `в ${bad.index + 1}-й позиции`;
  if (bad[0] === "\ufffd") return `Символ ${at} не удалось прочитать: сохраните файл в UTF-8 или Windows-1251 и проверьте эту ячейку`;
  const code = `U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  return `Недопустимый управляющий символ (${code}) ${at}: удалите его из ячейки и загрузите файл снова`;
}

const norm = (v: string) => v.toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim();

/** ДД.ММ.ГГГГ (also Д.М.ГГГГ and ISO) → YYYY-MM-DD; anything else is passed on for zod to word the error. */
export function isoDay(cell: Cell | undefined): string | undefined {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "?" : cell.toISOString().slice(0, 10);
  const v = (cell ?? "").trim();
  if (!v) return undefined;
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
  if (ru) return `${ru[3]}-${ru[2]!.padStart(2, "0")}-${ru[1]!.padStart(2, "0")}`;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[ T]00:00(?::00)?)?$/.exec(v);
  return iso ? iso[1] : v;
}

// Path of a zod issue (learner.snils, representatives.0.phone, …) → column key.
function columnOfPath(path: readonly PropertyKey[]): ColumnKey | undefined {
  const [head, second, third] = path.map(String);
  if (head === "learner" || head === "enrolment") return `${head}.${second}` as ColumnKey;
  if (head === "representatives") return third ? (`rep.${third}` as ColumnKey) : "rep.relation";
  if (head === "consent") return "consent.givenAt";
  return undefined;
}

export function rowToInput(cells: readonly Cell[], columns: ColumnMap, row: number): ParsedRow {
  const issues: ImportIssue[] = [];
  const flagged = new Set<ColumnKey>();
  const fail = (key: ColumnKey, message: string) => {
    flagged.add(key);
    issues.push({ row, column: HEADER.get(key)!, message });
  };
  for (const [key, index] of columns) {
    const cell = cells[index];
    const message = typeof cell === "string" ? unreadableMessage(cell) : undefined;
    if (message) fail(key, message);
  }
  if (issues.length) return { row, input: null, issues };
  const raw = (key: ColumnKey): Cell | undefined => {
    const index = columns.get(key);
    return index === undefined ? undefined : cells[index];
  };
  const text = (key: ColumnKey) => {
    const v = raw(key);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    return v === undefined || v === "" ? undefined : v;
  };
  const word = <T extends string>(key: ColumnKey, vocabulary: Map<string, T>, what: string) => {
    const v = text(key);
    if (v === undefined) return undefined;
    const code = vocabulary.get(norm(v));
    if (!code) fail(key, `Неизвестное значение «${v}» (${what}): см. лист «Справка» шаблона`);
    return code;
  };
  const country = (key: ColumnKey) => {
    const v = text(key);
    if (v === undefined) return undefined;
    const code = parseCitizenship(v);
    if (!code) fail(key, `Страна «${v}» не найдена: укажите код ОКСМ (643) или название`);
    return code ?? undefined;
  };

  const grade = text("enrolment.grade");
  let level = word("enrolment.level", LEVEL_WORDS, "уровень");
  if (!level && !flagged.has("enrolment.level") && grade && /^\d{1,2}$/.test(grade)) {
    level = GRADE_LEVEL.find(([min, max]) => Number(grade) >= min && Number(grade) <= max)?.[2];
  }
  const citizenship = country("learner.citizenship");
  const repKeys = ["rep.relation", "rep.lastName", "rep.firstName", "rep.middleName", "rep.snils", "rep.citizenship", "rep.phone", "rep.email"] as const;
  const hasRep = repKeys.some((k) => text(k) !== undefined);
  const consentDay = isoDay(raw("consent.givenAt"));

  const candidate = {
    learner: {
      lastName: text("learner.lastName") ?? "",
      firstName: text("learner.firstName") ?? "",
      middleName: text("learner.middleName"),
      birthDate: isoDay(raw("learner.birthDate")) ?? "",
      birthPlace: text("learner.birthPlace"),
      sex: word("learner.sex", SEX_WORDS, "пол"),
      snils: text("learner.snils"),
      citizenship: citizenship ?? "",
      docType: word("learner.docType", DOC_WORDS, "тип документа"),
      docSeries: text("learner.docSeries"),
      docNumber: text("learner.docNumber"),
      docIssuer: text("learner.docIssuer"),
      docIssuedAt: isoDay(raw("learner.docIssuedAt")),
      docCountry: country("learner.docCountry"),
      registrationAddress: text("learner.registrationAddress"),
      stayAddress: text("learner.stayAddress"),
      actualAddress: text("learner.actualAddress"),
    },
    enrolment: {
      level,
      grade: grade ?? "",
      classLetter: text("enrolment.classLetter"),
      enrolledAt: isoDay(raw("enrolment.enrolledAt")) ?? "",
    },
    representatives: hasRep
      ? [
          {
            relation: word("rep.relation", RELATION_WORDS, "кем приходится"),
            lastName: text("rep.lastName") ?? "",
            firstName: text("rep.firstName") ?? "",
            middleName: text("rep.middleName"),
            snils: text("rep.snils"),
            // Blank: the same as the child's, the usual case for a parent.
            citizenship: country("rep.citizenship") ?? citizenship ?? "",
            phone: text("rep.phone"),
            email: text("rep.email"),
            isPrimaryContact: true,
          },
        ]
      : [],
    consent: consentDay ? { givenAt: consentDay, scope: IMPORTED_CONSENT_SCOPE } : undefined,
    // Import runs its own duplicate rules against the registry (import-learners.ts).
    acknowledgeDuplicate: true,
  };

  const parsed = ZCreateLearnerInput.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = columnOfPath(issue.path);
      if (key && flagged.has(key)) continue; // already reported in words the file's author used
      if (key) flagged.add(key);
      issues.push({ row, column: key ? HEADER.get(key)! : "", message: issue.message });
    }
  }
  return { row, input: issues.length === 0 && parsed.success ? parsed.data : null, issues };
}
