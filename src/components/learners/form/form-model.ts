// Drafts of the learner form as the inputs hold them (strings), conversions
// from a card's view. Field keys are dotted paths ("learner.snils", "representatives.0.lastName"),
// the same as the inputs' `name` and the server's `zodError.issues[].path`; the
// errors themselves are mapped by src/lib/errors/form-errors.ts, as for every form.
import { RUSSIA } from "@/lib/countries";
import { PERSON_COLUMNS } from "@/lib/schemas/person";
import { formatSnils } from "@/lib/validators/snils";
import { regionToday } from "@/lib/time-zone";

export const PERSON_KEYS = PERSON_COLUMNS;
export type PersonDraft = Record<(typeof PERSON_KEYS)[number], string>;
export type LearnerDraft = PersonDraft & { stayAddress: string; birthDate: string; birthPlace: string; sex: string };
export type RepresentativeDraft = PersonDraft & {
  relation: string;
  phone: string;
  email: string;
  birthDate: string;
  sex: string;
  isPrimaryContact: boolean;
};
export interface EnrolmentDraft {
  level: string;
  grade: string;
  classLetter: string;
  enrolledAt: string;
  orderNumber: string;
  orderDate: string;
}
export interface ConsentDraft {
  givenAt: string;
  scope: string;
}

/** Today in the region's time zone (lib/time-zone.ts). */
export const todayIso = () => regionToday();

const emptyPerson = (): PersonDraft => ({
  ...(Object.fromEntries(PERSON_KEYS.map((k) => [k, ""])) as PersonDraft),
  citizenship: RUSSIA,
});

export const emptyLearner = (): LearnerDraft => ({ ...emptyPerson(), stayAddress: "", birthDate: "", birthPlace: "", sex: "" });
export const emptyEnrolment = (): EnrolmentDraft => ({ level: "", grade: "", classLetter: "", enrolledAt: todayIso(), orderNumber: "", orderDate: "" });
export const emptyRepresentative = (primary = false): RepresentativeDraft => ({
  ...emptyPerson(),
  relation: "",
  phone: "",
  email: "",
  birthDate: "",
  sex: "",
  isPrimaryContact: primary,
});

const text = (v: string | null | undefined) => v ?? "";
const isoDay = (v: Date | null | undefined) => (v ? v.toISOString().slice(0, 10) : "");

type PersonView = { [K in (typeof PERSON_KEYS)[number]]: K extends "docIssuedAt" ? Date | null : string | null };

function personFromView(v: PersonView): PersonDraft {
  return {
    lastName: text(v.lastName),
    firstName: text(v.firstName),
    middleName: text(v.middleName),
    snils: v.snils ? formatSnils(v.snils) : "",
    citizenship: text(v.citizenship),
    docType: text(v.docType),
    docSeries: text(v.docSeries),
    docNumber: text(v.docNumber),
    docIssuer: text(v.docIssuer),
    docIssuedAt: isoDay(v.docIssuedAt),
    docCountry: text(v.docCountry),
    registrationAddress: text(v.registrationAddress),
    actualAddress: text(v.actualAddress),
  };
}

export function learnerFromView(v: PersonView & { stayAddress: string | null; birthDate: Date; birthPlace: string | null; sex: string }): LearnerDraft {
  return { ...personFromView(v), stayAddress: text(v.stayAddress), birthDate: isoDay(v.birthDate), birthPlace: text(v.birthPlace), sex: v.sex };
}

/** Every stored field is carried, shown or not, so an update never blanks a column the form does not display. */
export function representativeFromView(
  v: PersonView & { relation: string; phone: string | null; email: string | null; birthDate: Date | null; sex: string | null; isPrimaryContact: boolean },
): RepresentativeDraft {
  return {
    ...personFromView(v),
    relation: v.relation,
    phone: text(v.phone),
    email: text(v.email),
    birthDate: isoDay(v.birthDate),
    sex: text(v.sex),
    isPrimaryContact: v.isPrimaryContact,
  };
}

/** Consent counts as entered once either of its fields is. */
export const consentEntered = (c: ConsentDraft) => c.givenAt.trim() !== "" || c.scope.trim() !== "";
