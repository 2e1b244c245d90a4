// The register of resident children (ResidentChild): most learners under 18
// as the registry offices, polyclinics and МФЦ list them — matched by SNILS,
// or by name, birth date and address when the list has no SNILS — and known
// residents who are no learner (~4 % of the learners): preschoolers at home, a
// few of compulsory age with no enrolment, a few on family or self-education,
// a few who moved away. The resident's municipality is where its house is.
import type { Cell } from "./copy";
import { addressText, flatOf, houseObjectId, partsOf, type AddressPlan } from "./addresses";
import { livesAt } from "./address-rows";
import { addDays, ageOn, iso, TODAY } from "./dates";
import { FEMALE_NAMES, MALE_NAMES, patronymic, SURNAMES } from "./names";
import { familyOf, learnerPerson, snilsFor, type Family } from "./people";
import type { RegionPlan } from "./plan";
import { chance, idFor, int, mix, pick, rng, weighted } from "./random";
import { blindIndex, encryptOptional } from "../../src/server/crypto/field-crypto";
import { searchKey } from "../../src/lib/search-key";

export const RESIDENT_COLUMNS = ["id", "municipalityId", "lastName", "firstName", "middleName", "searchName", "birthDate", "sex", "snilsEnc", "snilsIndex", "addressText", "garHouseId", "flat", "source", "learnerId", "matchedBy", "educationForm", "educationFormSince", "educationFormNote", "leftAt", "createdAt", "updatedAt"] as const;

/** Known residents who are no learner, per learner generated. */
export const KNOWN_RESIDENT_SHARE = 0.04;
const SOURCES = [["REGISTRY_OFFICE", 45], ["POLYCLINIC", 40], ["MFC", 12], ["OTHER", 3]] as const;
/** The encryption context of a resident's SNILS, as the register's import writes it. */
const SNILS_CONTEXT = "ResidentChild.snils";

/** Keeps the register's key without SNILS unique (municipality, name, birth date), as the import's index demands. */
export class ResidentKeys {
  private seen = new Set<string>();
  claim(municipality: number, searchName: string, birthDate: string): boolean {
    const key = `${municipality}|${searchName}|${birthDate}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }
}

/** Residents matched with learners: learner i (under 18 today) listed by 94 % chance; returns rows for learners in order. */
export function residentLearnerRows(plan: RegionPlan, a: AddressPlan, seed: number, keys: ResidentKeys, now: string): (i: number) => Cell[][] {
  let cached: { head: number; family: Family } | null = null;
  return (i) => {
    const r = rng(mix(seed, i + 41_000_017));
    if (!chance(r, 0.94)) return [];
    const head = plan.learners.family[i]!;
    if (cached?.head !== head) cached = { head, family: familyOf(plan, seed, head) };
    const person = learnerPerson(plan, seed, i, cached.family);
    if (ageOn(person.birthDate, TODAY) >= 18) return [];
    const h = livesAt(a, i);
    const p = partsOf(a, h, flatOf(a, seed, head, h));
    const withSnils = person.snils !== null && chance(r, 0.85);
    const searchName = searchKey([person.lastName, person.firstName, person.middleName].filter(Boolean).join(" "));
    if (!withSnils && !keys.claim(p.municipality, searchName, person.birthDate)) return [];
    return [[
      idFor("ResidentChild", i), plan.municipalities[p.municipality]!.id, person.lastName, person.firstName, person.middleName, searchName, person.birthDate, person.sex,
      withSnils ? encryptOptional(person.snils, SNILS_CONTEXT) : null, withSnils ? blindIndex("snils", person.snils!) : null,
      addressText(p), houseObjectId(h), p.flat, weighted(r, SOURCES), idFor("Learner", i), withSnils ? "SNILS" : "NAME_BIRTH_ADDRESS",
      null, null, null, null, now, now,
    ]];
  };
}

/** Known residents who are no learner of the region. */
export function* knownResidentRows(plan: RegionPlan, a: AddressPlan, seed: number, keys: ResidentKeys, now: string): Generator<Cell[]> {
  const count = Math.round(plan.learners.count * KNOWN_RESIDENT_SHARE);
  for (let k = 0; k < count; k++) {
    const r = rng(mix(seed, k + 43_000_013));
    const m = int(r, 0, a.housesOf.length - 1);
    const houses = a.housesOf[m]!;
    const h = houses[int(r, 0, houses.length - 1)]!;
    const p = partsOf(a, h, flatOf(a, seed, 1_000_000_000 + k, h));
    const female = chance(r, 0.49);
    const lastName = pick(r, SURNAMES)[female ? 1 : 0];
    const firstName = female ? pick(r, FEMALE_NAMES) : pick(r, MALE_NAMES);
    const middleName = patronymic(pick(r, MALE_NAMES), female);
    // What kind of known resident: at home before school, of school age with no enrolment, family or self-education, moved away.
    const x = r();
    const [from, to] = x < 0.55 ? [0, 6] : x < 0.7 ? [8, 16] : x < 0.85 ? [7, 15] : x < 0.9 ? [15, 17] : [1, 17];
    const birthDate = addDays(iso(2026 - to - 1, 11, 24), int(r, 0, (to - from + 1) * 365 - 1));
    const form = x >= 0.7 && x < 0.85 ? "FAMILY" : x >= 0.85 && x < 0.9 ? "SELF" : null;
    const formSince = form ? iso(2026 - int(r, 0, 3), 9, 1) : null;
    const leftAt = x >= 0.9 ? addDays(TODAY, -int(r, 20, 700)) : null;
    const searchName = searchKey(`${lastName} ${firstName} ${middleName}`);
    const snils = chance(r, 0.8) ? snilsFor(plan.learners.count * 3 + k) : null;
    if (!snils && !keys.claim(p.municipality, searchName, birthDate)) continue;
    yield [
      idFor("ResidentChildKnown", k), plan.municipalities[p.municipality]!.id, lastName, firstName, middleName, searchName, birthDate, female ? "FEMALE" : "MALE",
      encryptOptional(snils, SNILS_CONTEXT), snils ? blindIndex("snils", snils) : null, addressText(p), houseObjectId(h), p.flat, weighted(r, SOURCES),
      null, "NONE", form, formSince, form ? `Заявление родителей от ${formSince!.split("-").reverse().join(".")}` : null, leftAt, now, now,
    ];
  }
}
