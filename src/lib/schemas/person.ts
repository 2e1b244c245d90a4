// Identity fields shared by learners and legal representatives: one set of
// zod schemas for the browser forms, the import and the server procedures.
import { z } from "zod";
import { isCitizenshipCode, isCountryCode, STATELESS } from "@/lib/countries";
import { regionToday } from "@/lib/time-zone";
import {
  zBirthCertificateNumber,
  zBirthCertificateSeries,
  zPassportNumber,
  zPassportSeries,
  zSnils,
} from "@/lib/validators";

export const DOCUMENT_TYPES = [
  "BIRTH_CERTIFICATE_RF",
  "PASSPORT_RF",
  "FOREIGN_BIRTH_CERTIFICATE",
  "FOREIGN_PASSPORT",
  "OTHER",
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const SEXES = ["MALE", "FEMALE"] as const;

/** Identity-document and address columns both kinds of person have, in form order. */
export const PERSON_COLUMNS = [
  "lastName",
  "firstName",
  "middleName",
  "snils",
  "citizenship",
  "docType",
  "docSeries",
  "docNumber",
  "docIssuer",
  "docIssuedAt",
  "docCountry",
  "registrationAddress",
  "actualAddress",
] as const;

/** "" from an empty form field means "not given". */
export const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const NAME = /^[A-Za-zА-ЯЁа-яё]+(?:[ '’-][A-Za-zА-ЯЁа-яё]+)*$/;
export const zName = (what: string) =>
  z
    .string({ error: `Укажите ${what}` })
    .trim()
    .min(1, `Укажите ${what}`)
    .max(100, "Не длиннее 100 символов")
    // Empty is already reported above; one message per problem.
    .refine((v) => v === "" || NAME.test(v), "Только буквы, пробел, дефис или апостроф");

/** A calendar date from a date input: YYYY-MM-DD, a real day from 1900 to 2100. */
export const zDay = (what: string) =>
  z
    .string({ error: `Укажите ${what}` })
    .trim()
    .min(1, `Укажите ${what}`)
    .refine((v) => v === "" || /^\d{4}-\d{2}-\d{2}$/.test(v), "Дата в формате ДД.ММ.ГГГГ")
    .refine((v) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return true; // reported above
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v) && v >= "1900-01-01" && v <= "2100-12-31";
    }, "Такой даты нет");

/** Today in the region's time zone (lib/time-zone.ts). */
export const todayIso = () => regionToday();

export const zCitizenship = z
  .string({ error: "Укажите гражданство" })
  .trim()
  .refine((v) => v === STATELESS || isCitizenshipCode(v), "Выберите гражданство из списка");

const text = (max: number) => optional(z.string().trim().max(max, `Не длиннее ${max} символов`));

/** Identity document and addresses: the part both kinds of person share. */
export const personFields = {
  lastName: zName("фамилию"),
  firstName: zName("имя"),
  middleName: optional(zName("отчество")),
  snils: optional(zSnils),
  citizenship: zCitizenship,
  docType: optional(z.enum(DOCUMENT_TYPES, "Выберите тип документа")),
  docSeries: text(20),
  docNumber: text(30),
  docIssuer: text(300),
  docIssuedAt: optional(zDay("дату выдачи").refine((v) => v <= todayIso(), "Дата выдачи не может быть в будущем")),
  docCountry: optional(z.string().refine(isCountryCode, "Выберите страну из списка")),
  registrationAddress: text(500),
  actualAddress: text(500),
};

interface DocumentFields {
  docType?: DocumentType;
  docSeries?: string;
  docNumber?: string;
  docCountry?: string;
}

const ALWAYS = { when: () => true };
const str = (v: unknown) => (typeof v === "string" ? v : undefined);

/**
 * Series and number checked by document type. Runs even when other fields
 * failed (`when`), so the person sees every problem of the form at once.
 */
export const documentRefinement = [
  (raw: unknown, ctx: z.RefinementCtx) => {
    const value = (raw ?? {}) as Record<string, unknown>;
    const docType = str(value.docType);
    const check = (field: "docSeries" | "docNumber", schema: z.ZodType) => {
      const parsed = schema.safeParse(str(value[field]) ?? "");
      if (!parsed.success) ctx.addIssue({ code: "custom", path: [field], message: parsed.error.issues[0]!.message });
    };
    if (docType === "BIRTH_CERTIFICATE_RF") {
      check("docSeries", zBirthCertificateSeries);
      check("docNumber", zBirthCertificateNumber);
    } else if (docType === "PASSPORT_RF") {
      check("docSeries", zPassportSeries);
      check("docNumber", zPassportNumber);
    } else if (docType) {
      if (!str(value.docNumber)?.trim()) ctx.addIssue({ code: "custom", path: ["docNumber"], message: "Укажите номер документа" });
      if (docType.startsWith("FOREIGN") && !str(value.docCountry)) {
        ctx.addIssue({ code: "custom", path: ["docCountry"], message: "Укажите страну выдачи документа" });
      }
    } else if (str(value.docSeries)?.trim() || str(value.docNumber)?.trim()) {
      ctx.addIssue({ code: "custom", path: ["docType"], message: "Выберите тип документа" });
    }
  },
  ALWAYS,
] as const;

interface DocumentFields {
  docType?: DocumentType;
  docSeries?: string;
  docNumber?: string;
}

/** Russian documents in canonical form ("45 12" → "4512"), once all checks passed. */
export function canonicalDocument<T extends DocumentFields>(value: T): T {
  const pick = (schema: z.ZodType<string, string>, v: string | undefined) => (v ? schema.parse(v) : v);
  if (value.docType === "BIRTH_CERTIFICATE_RF") {
    return { ...value, docSeries: pick(zBirthCertificateSeries, value.docSeries), docNumber: pick(zBirthCertificateNumber, value.docNumber) };
  }
  if (value.docType === "PASSPORT_RF") {
    return { ...value, docSeries: pick(zPassportSeries, value.docSeries), docNumber: pick(zPassportNumber, value.docNumber) };
  }
  return value;
}

/** Full years on a date (for age plausibility). */
export function ageOn(birthIso: string, onIso: string): number {
  const [by, bm, bd] = birthIso.split("-").map(Number) as [number, number, number];
  const [y, m, d] = onIso.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
