// The register of resident children of one municipality: the paged list
// (audited as a list read naming its matched learners), the form of
// education chosen outside organisations (family education, self-education:
// the parents' notice, 273-ФЗ art. 63 p. 5), the mark "moved away", and
// matching the unmatched children again after learners changed. Every call
// narrows to the caller's municipality (scope.ts): another one → NOT_FOUND.
import { z } from "zod";
import type { ResidentEducationFormInput, ResidentListInput } from "@/lib/schemas/residents";
import { ZResidentEducationFormInput, ZResidentListInput } from "@/lib/schemas/residents";
import { searchKey } from "@/lib/search-key";
import { regionToday } from "@/lib/time-zone";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db";
import { badRequest } from "../../errors";
import { rematchUnmatched } from "./match";
import { residentInScope, residentMunicipality } from "./scope";

export const ZResidentRow = z.object({
  id: z.string(),
  name: z.string(),
  birthDate: z.string(),
  age: z.number().int(),
  address: z.string(),
  houseFound: z.boolean(),
  source: z.enum(["REGISTRY_OFFICE", "POLYCLINIC", "MFC", "OTHER"]),
  matchedBy: z.enum(["SNILS", "NAME_BIRTH_ADDRESS", "NONE"]),
  learnerId: z.string().nullable(),
  educationForm: z.enum(["FAMILY", "SELF"]).nullable(),
  educationFormSince: z.string().nullable(),
  educationFormNote: z.string().nullable(),
  leftAt: z.string().nullable(),
});
export const ZResidentList = z.object({
  municipality: z.object({ id: z.string(), name: z.string() }),
  rows: z.array(ZResidentRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ResidentList = z.infer<typeof ZResidentList>;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** Whole years from `birth` to `today` (both YYYY-MM-DD). */
export function ageOn(birth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  return today.slice(5) >= birth.slice(5) ? years : years - 1;
}

const FILTERS = {
  all: {},
  matched: { learnerId: { not: null } },
  unmatched: { matchedBy: "NONE" as const, leftAt: null },
  form: { educationForm: { not: null } },
  left: { leftAt: { not: null } },
};

export async function listResidents(db: Db, actor: Actor, raw: ResidentListInput, ip: string | null = null): Promise<ResidentList> {
  const input = ZResidentListInput.parse(raw);
  return db.$transaction(async (tx) => {
    const municipality = await residentMunicipality(tx, actor, input.municipalityId);
    const key = input.q ? searchKey(input.q.replace(/\s+/g, " ").trim()) : "";
    const where = {
      municipalityId: municipality.id,
      ...FILTERS[input.filter],
      ...(key ? { searchName: { gte: key, lt: `${key}\uffff` } } : {}),
    };
    const [total, rows] = await Promise.all([
      tx.residentChild.count({ where }),
      tx.residentChild.findMany({
        where,
        orderBy: [{ searchName: "asc" }, { birthDate: "asc" }, { id: "asc" }],
        skip: (input.page - 1) * input.pageSize,
        take: input.pageSize,
      }),
    ]);
    const today = regionToday();
    const out = rows.map((r) => ({
      id: r.id,
      name: [r.lastName, r.firstName, r.middleName].filter(Boolean).join(" "),
      birthDate: day(r.birthDate)!,
      age: ageOn(day(r.birthDate)!, today),
      address: [r.addressText, r.flat && `кв. ${r.flat}`].filter(Boolean).join(", "),
      houseFound: r.garHouseId !== null,
      source: r.source,
      matchedBy: r.matchedBy,
      learnerId: r.learnerId,
      educationForm: r.educationForm as "FAMILY" | "SELF" | null,
      educationFormSince: day(r.educationFormSince),
      educationFormNote: r.educationFormNote,
      leftAt: day(r.leftAt),
    }));
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "residents.list",
      entityType: "Municipality",
      entityId: municipality.id,
      details: { filter: input.filter, search: Boolean(key), page: input.page, residents: out.length, total },
      learnerIds: [...new Set(out.flatMap((r) => (r.learnerId ? [r.learnerId] : [])))],
    });
    return { municipality: { id: municipality.id, name: municipality.name }, rows: out, total, page: input.page, pageSize: input.pageSize };
  });
}

/** Sets or clears the form of education of a child who attends no organisation. */
export async function setResidentEducationForm(db: Db, actor: Actor, raw: ResidentEducationFormInput, ip: string | null = null) {
  const input = ZResidentEducationFormInput.parse(raw);
  return db.$transaction(async (tx) => {
    const resident = await residentInScope(tx, actor, input.residentId);
    if (input.form && !input.since) throw badRequest("Укажите дату", "since");
    if (input.form && resident.learnerId) {
      // The learner's own enrolment says where it studies; the register keeps only the forms outside organisations.
      const enrolled = await tx.enrolment.count({
        where: { learnerId: resident.learnerId, isBasic: true, cancelledAt: null, status: { in: ["ACTIVE", "PENDING_TRANSFER"] } },
      });
      if (enrolled > 0) throw badRequest("Ребёнок обучается в организации: форму образования вне организаций указать нельзя", "form");
    }
    const data = input.form
      ? { educationForm: input.form, educationFormSince: new Date(`${input.since}T00:00:00Z`), educationFormNote: input.note || null }
      : { educationForm: null, educationFormSince: null, educationFormNote: null };
    await tx.residentChild.update({ where: { id: resident.id }, data });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "residents.educationForm",
      entityType: "ResidentChild",
      entityId: resident.id,
      details: { before: resident.educationForm, after: input.form, since: input.form ? input.since : null },
      learnerIds: resident.learnerId ? [resident.learnerId] : [],
    });
    return { id: resident.id, educationForm: input.form };
  });
}

/** Marks a child as moved away from the territory from a date (null: lives here again). */
export async function setResidentLeft(db: Db, actor: Actor, input: { residentId: string; leftAt: string | null }, ip: string | null = null) {
  return db.$transaction(async (tx) => {
    const resident = await residentInScope(tx, actor, input.residentId);
    await tx.residentChild.update({ where: { id: resident.id }, data: { leftAt: input.leftAt ? new Date(`${input.leftAt}T00:00:00Z`) : null } });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "residents.left",
      entityType: "ResidentChild",
      entityId: resident.id,
      details: { before: day(resident.leftAt), after: input.leftAt },
      learnerIds: resident.learnerId ? [resident.learnerId] : [],
    });
    return { id: resident.id, leftAt: input.leftAt };
  });
}

/** Matches the municipality's unmatched children again; returns how many were linked now. */
export async function rematchResidents(db: Db, actor: Actor, input: { municipalityId?: string }, ip: string | null = null) {
  return db.$transaction(async (tx) => {
    const municipality = await residentMunicipality(tx, actor, input.municipalityId);
    const linked = await rematchUnmatched(tx, municipality.regionId, municipality.id);
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "residents.rematch",
      entityType: "Municipality",
      entityId: municipality.id,
      details: { linked: linked.length },
      learnerIds: [...new Set(linked)],
    });
    return { linked: linked.length };
  });
}
