// Learners and their legal representatives as persons: names, sex, birth
// date, SNILS and identity documents, regenerated from the learner index.
import { snilsCheckDigits } from "../../src/lib/validators";
import { addDays, ageOn, iso, TODAY } from "./dates";
import { FEMALE_NAMES, MALE_NAMES, patronymic, SURNAMES, zipfWeights } from "./names";
import { KIND, type RegionPlan } from "./plan";
import { chance, cumulative, int, mix, pick, pickCumulative, rng, weighted, type Random } from "./random";

const SURNAME_CUM = cumulative(zipfWeights(SURNAMES.length, 8));
const MALE_CUM = cumulative(zipfWeights(MALE_NAMES.length));
const FEMALE_CUM = cumulative(zipfWeights(FEMALE_NAMES.length));
const CERT_SERIES = ["I-РУ", "II-ВС", "III-КБ", "IV-АК", "V-ДН", "VI-МЮ", "VII-ОП", "VIII-ЛЕ", "IX-ТР", "X-ИК"];
const FOREIGN = [["860", 40], ["762", 30], ["051", 10], ["112", 8], ["398", 7], ["417", 5]] as const;
const STREETS = ["Ленина", "Мира", "Советская", "Школьная", "Садовая", "Молодёжная", "Лесная", "Центральная", "Набережная", "Гагарина"];

export interface Person {
  lastName: string; firstName: string; middleName: string | null; sex: "MALE" | "FEMALE"; birthDate: string;
  snils: string | null; citizenship: string; docType: string; docSeries: string | null; docNumber: string;
  docIssuer: string | null; docIssuedAt: string; docCountry: string | null; address: string;
}

/** 11-digit SNILS for a global person counter: a bijection onto valid, non-reserved numbers. */
export function snilsFor(counter: number): string {
  const n = ((counter * 7919 + 1_234_567) % 900_000_000) + 1_002_000;
  const first9 = String(n).padStart(9, "0");
  return first9 + snilsCheckDigits(first9);
}

const digits = (r: Random, n: number) => String(int(r, 0, 10 ** n - 1)).padStart(n, "0");

function document(r: Random, birthDate: string, citizenship: string, municipality: string) {
  const adult = ageOn(birthDate, TODAY) >= 14;
  if (citizenship !== "643") {
    return { docType: adult ? "FOREIGN_PASSPORT" : "FOREIGN_BIRTH_CERTIFICATE", docSeries: null, docNumber: `FA${digits(r, 7)}`, docIssuer: null, docIssuedAt: addDays(birthDate, adult ? 14 * 365 + int(r, 0, 300) : int(r, 5, 60)), docCountry: citizenship };
  }
  if (adult) {
    const issued = addDays(birthDate, 14 * 365 + int(r, 4, 60));
    return { docType: "PASSPORT_RF", docSeries: `99${issued.slice(2, 4)}`, docNumber: digits(r, 6), docIssuer: "ГУ МВД России по Демонстрационной области", docIssuedAt: issued, docCountry: null };
  }
  return { docType: "BIRTH_CERTIFICATE_RF", docSeries: pick(r, CERT_SERIES), docNumber: digits(r, 6), docIssuer: `Отдел ЗАГС администрации: ${municipality}`.slice(0, 300), docIssuedAt: addDays(birthDate, int(r, 5, 40)), docCountry: null };
}

function birthDateFor(r: Random, kind: number, grade: number): string {
  if (kind === KIND.PRESCHOOL) return addDays("2019-09-02", int(r, 0, 2006));
  if (kind === KIND.SCHOOL) {
    const start = 2026 - (grade - 1) - (chance(r, 0.04) ? 1 : 0); // a few started late or repeated a year
    return addDays(iso(start - 8, 9, 2), int(r, 0, 364));
  }
  const course1 = 2026 - (grade - 1);
  const ageAtStart = chance(r, 0.8) ? 15 : 17;
  return addDays(iso(course1 - ageAtStart - 1, 9, 2), int(r, 0, 364));
}

export interface Family { surname: number; fatherName: string; hasMother: boolean; hasFather: boolean; guardian: boolean; oldestBirthYear: number }

export function familyOf(plan: RegionPlan, seed: number, head: number): Family {
  const r = rng(mix(seed, head + 3_000_017));
  const surname = pickCumulative(r, SURNAME_CUM);
  const fatherName = MALE_NAMES[pickCumulative(r, MALE_CUM)]!;
  const guardian = chance(r, 0.02);
  const hasMother = chance(r, 0.95);
  const hasFather = !hasMother || chance(r, 0.7);
  const oldestBirthYear = Number(learnerPerson(plan, seed, head, { surname, fatherName, hasMother, hasFather, guardian, oldestBirthYear: 0 }).birthDate.slice(0, 4));
  return { surname, fatherName, hasMother, hasFather, guardian, oldestBirthYear };
}

export function learnerPerson(plan: RegionPlan, seed: number, i: number, family: Family): Person {
  const r = rng(mix(seed, i + 1_000_003));
  const p = plan.learners;
  const female = !chance(r, 0.513);
  const sex = female ? "FEMALE" : "MALE";
  const birthDate = birthDateFor(r, p.kind[i]!, p.grade[i]!);
  const citizenship = chance(r, 0.975) ? "643" : weighted(r, FOREIGN);
  const municipality = plan.municipalities[plan.organisations[p.organisation[i]!]!.municipality]!;
  return {
    lastName: SURNAMES[family.surname]![female ? 1 : 0],
    firstName: female ? FEMALE_NAMES[pickCumulative(r, FEMALE_CUM)]! : MALE_NAMES[pickCumulative(r, MALE_CUM)]!,
    middleName: citizenship === "643" || chance(r, 0.3) ? patronymic(family.fatherName, female) : null,
    sex, birthDate,
    snils: chance(r, 0.97) ? snilsFor(i) : null,
    citizenship,
    ...document(r, birthDate, citizenship, municipality.name),
    address: `${municipality.town}, ул. ${pick(r, STREETS)}, д. ${int(r, 1, 120)}, кв. ${int(r, 1, 200)}`,
  };
}

/** slot 0 = mother (or guardian), 1 = father. */
export function representativePerson(plan: RegionPlan, seed: number, head: number, slot: 0 | 1, family: Family): Person & { phone: string; email: string | null } {
  const r = rng(mix(seed, head * 2 + slot + 5_000_011));
  const female = slot === 0;
  const birthDate = addDays(iso(family.oldestBirthYear - int(r, 22, 38), 1, 1), int(r, 0, 364));
  const municipality = plan.municipalities[plan.organisations[plan.learners.organisation[head]!]!.municipality]!;
  const lastName = family.guardian && slot === 0 ? SURNAMES[pickCumulative(r, SURNAME_CUM)]![1] : SURNAMES[family.surname]![female ? 1 : 0];
  return {
    lastName,
    firstName: female ? FEMALE_NAMES[pickCumulative(r, FEMALE_CUM)]! : family.fatherName,
    middleName: patronymic(MALE_NAMES[pickCumulative(r, MALE_CUM)]!, female),
    sex: female ? "FEMALE" : "MALE", birthDate,
    snils: chance(r, 0.92) ? snilsFor(plan.learners.count + head * 2 + slot) : null,
    citizenship: "643",
    ...document(r, birthDate, "643", municipality.name),
    address: `${municipality.town}, ул. ${pick(r, STREETS)}, д. ${int(r, 1, 120)}, кв. ${int(r, 1, 200)}`,
    phone: `+7 9${digits(r, 2)} ${digits(r, 3)}-${digits(r, 2)}-${digits(r, 2)}`,
    email: chance(r, 0.5) ? `parent${head * 2 + slot}@example.ru` : null,
  };
}
