// What each role may see of a learner. Output schemas strip everything else,
// so a query that fetches more cannot leak it (the card's field guarantee).
import { z } from "zod";
import { allowsLearnerStage, RELATIONSHIPS, STAGES, type Relationship, type Role, type Stage } from "../../authz/matrix";
import { decryptIdentity } from "../person/identity-fields";

const zDate = z.date();
const zEnum = z.string();

/** Full name, birth date, sex, SNILS, current organisation and class. */
export const ZLearnerIdentity = z.object({
  id: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  birthDate: zDate,
  sex: zEnum,
  snils: z.string().nullable(),
  organisation: z.object({ id: z.string(), shortName: z.string() }).nullable(),
  grade: z.number().nullable(),
  classLetter: z.string().nullable(),
});
export type LearnerIdentity = z.infer<typeof ZLearnerIdentity>;

const documentFields = {
  citizenship: z.string(),
  docType: zEnum.nullable(),
  docSeries: z.string().nullable(),
  docNumber: z.string().nullable(),
  docIssuer: z.string().nullable(),
  docIssuedAt: zDate.nullable(),
  docCountry: z.string().nullable(),
  registrationAddress: z.string().nullable(),
  actualAddress: z.string().nullable(),
};

/** One structured address (LearnerAddress) as the card shows it: never the directory's ids beyond the house. */
export const ZLearnerAddressView = z.object({
  kind: z.enum(["RESIDENCE", "STAY", "ACTUAL"]),
  match: z.enum(["HOUSE", "STREET", "UNMATCHED", "MANUAL"]),
  settlement: z.string().nullable(),
  street: z.string().nullable(),
  house: z.string().nullable(),
  building: z.string().nullable(),
  flat: z.string().nullable(),
  postcode: z.string().nullable(),
});

export const ZRepresentativeView = z.object({
  id: z.string(),
  relation: zEnum,
  isPrimaryContact: z.boolean(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  birthDate: zDate.nullable(),
  sex: zEnum.nullable(),
  snils: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  ...documentFields,
});

export const ZConsentView = z.object({
  id: z.string(),
  representativeId: z.string(),
  givenAt: zDate,
  scope: z.string(),
  withdrawnAt: zDate.nullable(),
});

export const ZEnrolmentView = z.object({
  id: z.string(),
  organisation: z.object({ id: z.string(), shortName: z.string() }),
  level: zEnum,
  isBasic: z.boolean(),
  grade: z.number().nullable(),
  classLetter: z.string().nullable(),
  status: zEnum,
  enrolledAt: zDate,
  endedAt: zDate.nullable(),
});

export const ZLearnerPersonal = ZLearnerIdentity.extend({
  birthPlace: z.string().nullable(),
  ...documentFields,
  stayAddress: z.string().nullable(),
  /** The addresses in structured form with their match to the ГАР directory (issue 22). */
  addresses: z.array(ZLearnerAddressView),
  representatives: z.array(ZRepresentativeView),
  consents: z.array(ZConsentView),
  enrolments: z.array(ZEnrolmentView),
});

/** A representative as an additional-programme organisation sees them: who to call, nothing more. */
export const ZRepresentativeContact = ZRepresentativeView.pick({
  id: true,
  relation: true,
  isPrimaryContact: true,
  lastName: true,
  firstName: true,
  middleName: true,
  phone: true,
  email: true,
});

/** Identity, the representatives' contacts and the organisation's own enrolments (the ADDITIONAL relationship). */
export const ZLearnerContacts = ZLearnerIdentity.extend({
  representatives: z.array(ZRepresentativeContact),
  enrolments: z.array(ZEnrolmentView),
});

const cardCommon = {
  stages: z.array(z.enum(STAGES)),
  relationship: z.enum(RELATIONSHIPS),
  /** The current enrolment's status: with organisation and class, all of movement an identity-level role sees. */
  status: z.string().nullable(),
  /** Whether movement.trajectory answers this caller (PERSONAL read by role). */
  trajectory: z.boolean(),
  /** Portfolio rows the caller may add to this learner (role and relationship). */
  portfolioWrites: z.array(z.enum(["achievement", "exam", "grade", "certificate"])),
};

export const ZLearnerCard = z.discriminatedUnion("view", [
  z.object({ view: z.literal("personal"), ...cardCommon, canWrite: z.boolean(), learner: ZLearnerPersonal }),
  z.object({ view: z.literal("contacts"), ...cardCommon, canWrite: z.literal(false), learner: ZLearnerContacts }),
  z.object({ view: z.literal("identity"), ...cardCommon, canWrite: z.literal(false), learner: ZLearnerIdentity }),
]);
export type LearnerCard = z.infer<typeof ZLearnerCard>;

/** Stages whose tab the caller sees on a learner's card (aggregate-only does not count). */
export function cardStages(role: Role, relationship: Relationship): Stage[] {
  return STAGES.filter((stage) => allowsLearnerStage(role, relationship, stage, stage === "PERSONAL" ? "identity" : "read"));
}

/** Who a learner is by name: the columns every lookup and list shows. */
export const nameSelect = { id: true, lastName: true, firstName: true, middleName: true, birthDate: true } as const;

export const identitySelect = { ...nameSelect, sex: true, snilsEnc: true } as const;

export const enrolmentSelect = {
  id: true,
  level: true,
  isBasic: true,
  grade: true,
  classLetter: true,
  status: true,
  enrolledAt: true,
  endedAt: true,
  organisation: { select: { id: true, shortName: true } },
} as const;

/** enrolmentSelect plus what the relationship is computed from (relationship.ts). */
export const enrolmentWithFactsSelect = {
  ...enrolmentSelect,
  organisationId: true,
  cancelledAt: true,
  organisation: { select: { id: true, shortName: true, municipalityId: true } },
} as const;

type EnrolmentRow = z.infer<typeof ZEnrolmentView>;

/** The "current" enrolment: the active basic one, else any held one, else the latest. */
export function currentEnrolment<E extends EnrolmentRow>(enrolments: E[]): E | undefined {
  const held = enrolments.filter((e) => e.status !== "ENDED");
  return held.find((e) => e.isBasic) ?? held[0] ?? [...enrolments].sort((a, b) => +b.enrolledAt - +a.enrolledAt)[0];
}

/** A learner row selected with identitySelect (SNILS still encrypted). */
export type IdentityRow = Omit<LearnerIdentity, "organisation" | "grade" | "classLetter" | "snils"> & { snilsEnc: string | null };

export function toIdentity(row: IdentityRow, enrolment: EnrolmentRow | undefined): LearnerIdentity {
  const learner = decryptIdentity("Learner", row);
  return {
    id: learner.id,
    lastName: learner.lastName,
    firstName: learner.firstName,
    middleName: learner.middleName,
    birthDate: learner.birthDate,
    sex: learner.sex,
    snils: learner.snils,
    organisation: enrolment?.organisation ?? null,
    grade: enrolment?.grade ?? null,
    classLetter: enrolment?.classLetter ?? null,
  };
}
