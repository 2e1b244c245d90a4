// Identity fields shared by learners and legal representatives: one set of
// zod schemas for the browser forms, the import and the server procedures.
import { z } from "zod";
import { isCitizenshipCode, STATELESS } from "@/lib/countries";
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
    .regex(NAME, "Только буквы, пробел, дефис или апостроф");

/** A calendar date from a date input: YYYY-MM-DD, a real day. */
export const zDay = (what: string) =>
  z
    .string({ error: `Укажите ${what}` })
    .trim()
    .min(1, `Укажите ${what}`)
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Дата в формате ДД.ММ.ГГГГ")
    .refine((v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v) && v >= "1900-01-01";
    }, "Такой даты нет");

export const todayIso = () => new Date().toISOString().slice(0, 10);

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
  docCountry: optional(z.string().refine(isCitizenshipCode, "Выберите страну из списка")),
  registrationAddress: text(500),
  actualAddress: text(500),
};

interface DocumentFields {
  docType?: DocumentType;
  docSeries?: string;
  docNumber?: string;
  docCountry?: string;
}

/** Series and number checked by document type, and put in canonical form. */
export function checkDocument<T extends DocumentFields>(value: T, ctx: z.RefinementCtx, prefix: (string | number)[] = []): T {
  const out = { ...value };
  const check = (field: "docSeries" | "docNumber", schema: z.ZodType<string, string>) => {
    const parsed = schema.safeParse(value[field] ?? "");
    if (parsed.success) out[field] = parsed.data;
    else ctx.addIssue({ code: "custom", path: [...prefix, field], message: parsed.error.issues[0]!.message });
  };
  if (value.docType === "BIRTH_CERTIFICATE_RF") {
    check("docSeries", zBirthCertificateSeries);
    check("docNumber", zBirthCertificateNumber);
  } else if (value.docType === "PASSPORT_RF") {
    check("docSeries", zPassportSeries);
    check("docNumber", zPassportNumber);
  } else if (value.docType) {
    if (!value.docNumber) ctx.addIssue({ code: "custom", path: [...prefix, "docNumber"], message: "Укажите номер документа" });
    if (value.docType.startsWith("FOREIGN") && !value.docCountry) {
      ctx.addIssue({ code: "custom", path: [...prefix, "docCountry"], message: "Укажите страну выдачи документа" });
    }
  } else if (value.docSeries || value.docNumber) {
    ctx.addIssue({ code: "custom", path: [...prefix, "docType"], message: "Выберите тип документа" });
  }
  return out;
}

/** Full years on a date (for age plausibility). */
export function ageOn(birthIso: string, onIso: string): number {
  const [by, bm, bd] = birthIso.split("-").map(Number) as [number, number, number];
  const [y, m, d] = onIso.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
