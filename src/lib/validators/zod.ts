// zod 4 schemas over the pure checks. Each schema takes a string and outputs
// the canonical form (digits only, or the trimmed series), so what is stored
// and compared for duplicates never depends on how the user typed it.
import { z } from "zod";
import type { Checked } from "./result";
import { checkSnils, type SnilsProblem } from "./snils";
import {
  checkInn,
  checkKpp,
  checkOgrn,
  type InnProblem,
  type KppProblem,
  type OgrnProblem,
} from "./org-identifiers";
import {
  checkBirthCertificateNumber,
  checkBirthCertificateSeries,
  checkPassportNumber,
  checkPassportSeries,
  type BirthCertificateSeriesProblem,
  type DigitsProblem,
} from "./identity-documents";

type Messages<P extends string> = { required: string } & Record<P, string>;

// Exported so message catalogues and tests refer to one wording.
export const VALIDATION_MESSAGES = {
  snils: {
    required: "Укажите СНИЛС",
    format: "СНИЛС должен состоять из 11 цифр",
    reserved: "Номер СНИЛС из зарезервированного диапазона",
    checksum: "Неверная контрольная сумма СНИЛС",
  },
  inn: {
    required: "Укажите ИНН",
    format: "ИНН должен состоять из 10 цифр",
    checksum: "Неверная контрольная сумма ИНН",
  },
  ogrn: {
    required: "Укажите ОГРН",
    format: "ОГРН должен состоять из 13 цифр",
    checksum: "Неверный контрольный разряд ОГРН",
  },
  kpp: {
    required: "Укажите КПП",
    length: "КПП должен состоять из 9 символов",
    format: "КПП: 4 цифры, затем 2 цифры или заглавные латинские буквы, затем 3 цифры",
  },
  birthCertificateSeries: {
    required: "Укажите серию свидетельства о рождении",
    format: "Серия свидетельства о рождении в виде IV-АК",
    roman: "Серия свидетельства: римское число латинскими буквами I, V, X, L, C",
    letters: "Серия свидетельства: после дефиса две заглавные русские буквы",
  },
  birthCertificateNumber: {
    required: "Укажите номер свидетельства о рождении",
    format: "Номер свидетельства о рождении должен состоять из 6 цифр",
  },
  passportSeries: {
    required: "Укажите серию паспорта",
    format: "Серия паспорта должна состоять из 4 цифр",
  },
  passportNumber: {
    required: "Укажите номер паспорта",
    format: "Номер паспорта должен состоять из 6 цифр",
  },
} as const satisfies {
  snils: Messages<SnilsProblem>;
  inn: Messages<InnProblem>;
  ogrn: Messages<OgrnProblem>;
  kpp: Messages<KppProblem>;
  birthCertificateSeries: Messages<BirthCertificateSeriesProblem>;
  birthCertificateNumber: Messages<DigitsProblem>;
  passportSeries: Messages<DigitsProblem>;
  passportNumber: Messages<DigitsProblem>;
};

/**
 * One issue per field, worded for its actual fault. Blank input gets
 * "Укажите …" rather than a length message; optional fields are the caller's
 * choice (`.optional()`, or mapping "" to undefined before this schema).
 */
function fromCheck<P extends string>(check: (input: string) => Checked<P>, messages: Messages<P>) {
  return z.string({ error: messages.required }).transform((input, ctx) => {
    if (input.trim() === "") {
      ctx.issues.push({ code: "custom", message: messages.required, input });
      return z.NEVER;
    }
    const result = check(input);
    if (result.ok) return result.value;
    ctx.issues.push({ code: "custom", message: messages[result.problem], input });
    return z.NEVER;
  });
}

const m = VALIDATION_MESSAGES;
export const zSnils = fromCheck(checkSnils, m.snils);
export const zInn = fromCheck(checkInn, m.inn);
export const zOgrn = fromCheck(checkOgrn, m.ogrn);
export const zKpp = fromCheck(checkKpp, m.kpp);
export const zBirthCertificateSeries = fromCheck(checkBirthCertificateSeries, m.birthCertificateSeries);
export const zBirthCertificateNumber = fromCheck(checkBirthCertificateNumber, m.birthCertificateNumber);
export const zPassportSeries = fromCheck(checkPassportSeries, m.passportSeries);
export const zPassportNumber = fromCheck(checkPassportNumber, m.passportNumber);
