// Organisation identifiers as every write path must check them (domain.md:
// INN with the legal-entity checksum, OGRN check digit, KPP format), and the
// registry's input: one set of schemas for the ministry form and the server.
import { z } from "zod";
import { zInn, zKpp, zOgrn } from "@/lib/validators";
import { optional, todayIso, zDay } from "./person";

export const ZOrganisationIdentifiers = z.object({ inn: zInn, ogrn: zOgrn, kpp: zKpp });
export type OrganisationIdentifiers = z.infer<typeof ZOrganisationIdentifiers>;

export const ORGANISATION_TYPES = ["KINDERGARTEN", "GENERAL_SCHOOL", "BOARDING_SCHOOL", "COLLEGE", "ADDITIONAL_EDUCATION"] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
export const ORGANISATION_STATUSES = ["open", "closed", "all"] as const;

const required = (what: string, max: number) =>
  z
    .string({ error: `Укажите ${what}` })
    .trim()
    .min(1, `Укажите ${what}`)
    .max(max, `Не длиннее ${max} символов`);
const text = (max: number) => optional(z.string().trim().max(max, `Не длиннее ${max} символов`));
const notFuture = (what: string, message: string) => zDay(what).refine((v) => v <= todayIso(), message);

/** Form fields of an organisation, in form order. */
export const ORGANISATION_FIELDS = [
  "municipalityId",
  "type",
  "fullName",
  "shortName",
  "inn",
  "ogrn",
  "kpp",
  "founder",
  "licenceNumber",
  "licenceDate",
  "address",
  "headName",
] as const;
export type OrganisationField = (typeof ORGANISATION_FIELDS)[number];

const organisationFields = {
  municipalityId: z.uuid("Выберите муниципалитет"),
  type: z.enum(ORGANISATION_TYPES, "Выберите тип организации"),
  fullName: required("полное наименование", 500),
  shortName: required("краткое наименование", 200),
  ...ZOrganisationIdentifiers.shape,
  founder: required("учредителя", 500),
  licenceNumber: text(50),
  licenceDate: optional(notFuture("дату лицензии", "Дата лицензии не может быть в будущем")),
  address: text(500),
  headName: text(200),
};

/**
 * A licence is a number with its date of issue: one without the other is a
 * typing slip. Runs even when other fields failed, so every problem shows at once.
 */
const licencePair = [
  (raw: unknown, ctx: z.RefinementCtx) => {
    const value = (raw ?? {}) as Record<string, unknown>;
    const filled = (k: string) => typeof value[k] === "string" && (value[k] as string).trim() !== "";
    if (filled("licenceDate") && !filled("licenceNumber")) {
      ctx.addIssue({ code: "custom", path: ["licenceNumber"], message: "Укажите номер лицензии" });
    }
    if (filled("licenceNumber") && !filled("licenceDate")) {
      ctx.addIssue({ code: "custom", path: ["licenceDate"], message: "Укажите дату выдачи лицензии" });
    }
  },
  { when: () => true },
] as const;

export const ZCreateOrganisationInput = z.object(organisationFields).superRefine(...licencePair);
export type CreateOrganisationInput = z.infer<typeof ZCreateOrganisationInput>;

export const ZUpdateOrganisationInput = z.object({ id: z.uuid(), ...organisationFields }).superRefine(...licencePair);
export type UpdateOrganisationInput = z.infer<typeof ZUpdateOrganisationInput>;

export const ZCloseOrganisationInput = z.object({
  id: z.uuid(),
  closedAt: notFuture("дату закрытия", "Дата закрытия не может быть в будущем"),
});
export type CloseOrganisationInput = z.infer<typeof ZCloseOrganisationInput>;

export const ZListOrganisationsInput = z.object({
  /** Part of the full or short name, or the beginning of the INN / OGRN. */
  search: z.string().trim().max(100).optional(),
  municipalityId: z.uuid().optional(),
  type: z.enum(ORGANISATION_TYPES).optional(),
  status: z.enum(ORGANISATION_STATUSES).default("open"),
  page: z.number().int().min(0).default(0),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type ListOrganisationsInput = z.infer<typeof ZListOrganisationsInput>;
