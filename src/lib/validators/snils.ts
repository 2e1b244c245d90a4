// СНИЛС: 9-digit account number + 2-digit check number, shown XXX-XXX-XXX YY.
import type { Checked } from "./result";

export type SnilsProblem = "format" | "reserved" | "checksum";

const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, 1] as const;

/**
 * 001-001-998 as a number. The check number rule applies only above it; the
 * numbers at or below it were never issued to people (the range is reserved),
 * so their check digits mean nothing. We do not "accept without checking":
 * such a value in a learner record is a placeholder (000-000-000 00) or a typo,
 * and since SNILS is the hard key for duplicate detection, letting placeholders
 * in would merge different children. They are rejected with their own message.
 */
export const SNILS_LAST_RESERVED = 1_001_998;

// Dashes people paste from office documents, besides the ASCII hyphen.
const SEPARATORS = /[\s\u2010-\u2015\u2212-]/g;

/** Digits only (11) or null; accepts `XXX-XXX-XXX YY` and digits split by spaces/dashes. */
export function normalizeSnils(input: string): string | null {
  const digits = input.replace(SEPARATORS, "");
  // Without the `u` flag \d is ASCII only, so full-width or Arabic-Indic digits fail here.
  return /^\d{11}$/.test(digits) ? digits : null;
}

/** The two check digits for a 9-digit account number. Throws on other input (a programming error). */
export function snilsCheckDigits(first9: string): string {
  if (!/^\d{9}$/.test(first9)) throw new RangeError("snilsCheckDigits expects exactly 9 digits");
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first9.charAt(i)), 0);
  let check: number;
  if (sum < 100) check = sum;
  else if (sum === 100 || sum === 101) check = 0;
  else check = sum % 101 === 100 ? 0 : sum % 101;
  return String(check).padStart(2, "0");
}

export function checkSnils(input: string): Checked<SnilsProblem> {
  const digits = normalizeSnils(input);
  if (digits === null) return { ok: false, problem: "format" };
  if (Number(digits.slice(0, 9)) <= SNILS_LAST_RESERVED) return { ok: false, problem: "reserved" };
  if (snilsCheckDigits(digits.slice(0, 9)) !== digits.slice(9)) return { ok: false, problem: "checksum" };
  return { ok: true, value: digits };
}

export function isValidSnils(input: string): boolean {
  return checkSnils(input).ok;
}

/**
 * `XXX-XXX-XXX YY` for display. Layout only, the check number is not verified.
 * Anything that is not 11 digits comes back unchanged, so a legacy or imported
 * value is still shown rather than crashing a table cell.
 */
export function formatSnils(digits: string): string {
  const d = normalizeSnils(digits);
  if (d === null) return digits;
  return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6, 9)} ${d.slice(9)}`;
}
