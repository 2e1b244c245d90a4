// Identifiers of organisations (legal entities): ИНН, ОГРН, КПП.
import type { Checked } from "./result";

export type InnProblem = "format" | "checksum";
export type OgrnProblem = "format" | "checksum";
export type KppProblem = "length" | "format";

const INN_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8] as const;

// Registry extracts group digits with spaces; nothing else is a separator.
const stripSpaces = (input: string) => input.replace(/\s/g, "");

function innCheckDigit(first9: string): string {
  const sum = INN_WEIGHTS.reduce((acc, w, i) => acc + w * Number(first9.charAt(i)), 0);
  return String((sum % 11) % 10);
}

/**
 * Remainder of a long decimal string modulo m, digit by digit (Horner).
 * A 12-digit OGRN prefix is below 2^53, but 15-digit ОГРНИП and any future
 * caller would not be, and this way there is no float and no BigInt target
 * requirement at all.
 */
function decimalMod(digits: string, m: number): number {
  let r = 0;
  for (const ch of digits) r = (r * 10 + Number(ch)) % m;
  return r;
}

function ogrnCheckDigit(first12: string): string {
  return String(decimalMod(first12, 11) % 10);
}

/** ИНН of a legal entity (10 digits). 12-digit personal ИНН is a different rule and is rejected here. */
export function checkInn(input: string): Checked<InnProblem> {
  const v = stripSpaces(input);
  if (!/^\d{10}$/.test(v)) return { ok: false, problem: "format" };
  if (innCheckDigit(v.slice(0, 9)) !== v[9]) return { ok: false, problem: "checksum" };
  return { ok: true, value: v };
}

/** ОГРН of a legal entity (13 digits); 15-digit ОГРНИП is out of scope. */
export function checkOgrn(input: string): Checked<OgrnProblem> {
  const v = stripSpaces(input);
  if (!/^\d{13}$/.test(v)) return { ok: false, problem: "format" };
  if (ogrnCheckDigit(v.slice(0, 12)) !== v[12]) return { ok: false, problem: "checksum" };
  return { ok: true, value: v };
}

/**
 * КПП: 4 digits (tax office), 2 of [0-9A-Z] (reason code), 3 digits. Letters
 * are not upper-cased for the user: the registry stores what the tax service
 * issued, and a lower-case letter means the value was retyped, not copied.
 */
export function checkKpp(input: string): Checked<KppProblem> {
  const v = input.trim();
  if (v.length !== 9) return { ok: false, problem: "length" };
  if (!/^\d{4}[0-9A-Z]{2}\d{3}$/.test(v)) return { ok: false, problem: "format" };
  return { ok: true, value: v };
}

export const isValidInn = (input: string): boolean => checkInn(input).ok;
export const isValidOgrn = (input: string): boolean => checkOgrn(input).ok;
export const isValidKpp = (input: string): boolean => checkKpp(input).ok;

/** Test/seed data: append the check digit to 9 digits. Throws on other input. */
export function makeInn(first9: string): string {
  if (!/^\d{9}$/.test(first9)) throw new RangeError("makeInn expects exactly 9 digits");
  return first9 + innCheckDigit(first9);
}

/** Test/seed data: append the check digit to 12 digits. Throws on other input. */
export function makeOgrn(first12: string): string {
  if (!/^\d{12}$/.test(first12)) throw new RangeError("makeOgrn expects exactly 12 digits");
  return first12 + ogrnCheckDigit(first12);
}
