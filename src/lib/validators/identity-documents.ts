// Russian identity documents of learners: birth certificate and passport.
import type { Checked } from "./result";

export type BirthCertificateSeriesProblem = "format" | "roman" | "letters";
export type DigitsProblem = "format";

/**
 * A well-formed Roman numeral from the letters the series may use (I V X L C),
 * 1..399: canonical subtractive forms only, so IIII, VX, IC, VV are refused.
 * The empty match is excluded by the caller.
 */
const ROMAN = /^C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/** Two upper-case Cyrillic letters; Ё is outside А-Я in Unicode, hence listed. */
const CYRILLIC_PAIR = /^[А-ЯЁ]{2}$/;

export function isRomanNumeral(value: string): boolean {
  return value.length > 0 && /^[IVXLC]+$/.test(value) && ROMAN.test(value);
}

/**
 * Series `R-ББ`, e.g. `IV-АК`. Only surrounding blanks are trimmed: case and
 * script are never fixed for the user, because a Latin "AK" or a Cyrillic "Х"
 * in the numeral looks right on screen but fails matching with the civil
 * registry, so it must be retyped, not silently kept or guessed.
 */
export function checkBirthCertificateSeries(input: string): Checked<BirthCertificateSeriesProblem> {
  const v = input.trim();
  const dash = v.indexOf("-");
  if (dash < 0 || v.indexOf("-", dash + 1) >= 0) return { ok: false, problem: "format" };
  const numeral = v.slice(0, dash);
  const letters = v.slice(dash + 1);
  if (!isRomanNumeral(numeral)) return { ok: false, problem: "roman" };
  if (!CYRILLIC_PAIR.test(letters)) return { ok: false, problem: "letters" };
  return { ok: true, value: v };
}

function exactDigits(value: string, count: number): Checked<DigitsProblem> {
  return new RegExp(`^\\d{${count}}$`).test(value) ? { ok: true, value } : { ok: false, problem: "format" };
}

/** Birth certificate number: 6 digits. */
export function checkBirthCertificateNumber(input: string): Checked<DigitsProblem> {
  return exactDigits(input.trim(), 6);
}

/** Passport series: 4 digits; printed as `45 12`, so inner blanks are removed. */
export function checkPassportSeries(input: string): Checked<DigitsProblem> {
  return exactDigits(input.replace(/\s/g, ""), 4);
}

/** Passport number: 6 digits. */
export function checkPassportNumber(input: string): Checked<DigitsProblem> {
  return exactDigits(input.trim(), 6);
}

export const isValidBirthCertificateSeries = (input: string): boolean => checkBirthCertificateSeries(input).ok;
export const isValidBirthCertificateNumber = (input: string): boolean => checkBirthCertificateNumber(input).ok;
export const isValidPassportSeries = (input: string): boolean => checkPassportSeries(input).ok;
export const isValidPassportNumber = (input: string): boolean => checkPassportNumber(input).ok;
