// The shape of the synthetic region, decided before any row is written:
// municipalities, organisations with realistic sizes, their programmes and
// classes, and where each learner is placed (compact typed arrays, so a
// million learners cost a few megabytes).
import { makeInn, makeOgrn } from "../../src/lib/validators";
import { cumulative, idFor, int, mix, pick, pickCumulative, rng, type Random } from "./random";

export type OrgType = "KINDERGARTEN" | "GENERAL_SCHOOL" | "BOARDING_SCHOOL" | "COLLEGE" | "ADDITIONAL_EDUCATION";
export type Level = "PRESCHOOL" | "PRIMARY" | "BASIC" | "SECONDARY" | "VOCATIONAL" | "ADDITIONAL";

export interface PlannedMunicipality { id: string; name: string; town: string; oktmo: string; existing: boolean }
export interface PlannedOrganisation {
  id: string; municipality: number; type: OrgType; shortName: string; fullName: string;
  inn: string; ogrn: string; kpp: string; existing: boolean; weight: number;
}
export interface PlannedProgramme {
  id: string; organisation: number; level: Level; isBasic: boolean; name: string;
  adapted: boolean; ovzCategory: string | null; direction: string | null;
}
export interface PlannedClass { id: string; organisation: number; programme: number; grade: number; letter: string }

/** Learner kinds: where a child of that age learns. */
export const KIND = { PRESCHOOL: 0, SCHOOL: 1, COLLEGE: 2 } as const;

export interface Placement {
  count: number;
  kind: Uint8Array;
  organisation: Int32Array;
  /** School grade 1–11 or college course 1–4; 0 for preschool. */
  grade: Uint8Array;
  /** Index into classes (school learners), else -1. */
  schoolClass: Int32Array;
  /** Basic programme index. */
  programme: Int32Array;
  /** Additional-education programme index, or -1. */
  additional: Int32Array;
  /** Previous school (a transfer in its history), or -1. */
  previousOrganisation: Int32Array;
  /** First learner index of the child's family (siblings share representatives). */
  family: Int32Array;
}

export interface RegionPlan {
  regionId: string;
  municipalities: PlannedMunicipality[];
  organisations: PlannedOrganisation[];
  programmes: PlannedProgramme[];
  classes: PlannedClass[];
  learners: Placement;
  /** Basic programme index per organisation and level. */
  programmeOf: Map<string, number>;
}

export const ACADEMIC_YEAR = 2026;
const CLASS_SIZE = 27;
const LETTERS = ["А", "Б", "В", "Г", "Д", "Е", "Ж", "З", "И", "К", "Л", "М", "Н", "О", "П", "Р"];
const TOWNS = ["Берёзовка", "Каменск", "Светлогорск", "Ивановка", "Новоселье", "Красный Яр", "Лесогорск", "Заозёрье", "Подгорное", "Речной", "Степное", "Луговое"];
const TYPE_SHARE: [OrgType, number][] = [["KINDERGARTEN", 0.38], ["GENERAL_SCHOOL", 0.42], ["BOARDING_SCHOOL", 0.02], ["COLLEGE", 0.05], ["ADDITIONAL_EDUCATION", 0.13]];
const DIRECTIONS = ["TECHNICAL", "NATURAL_SCIENCE", "PHYSICAL_SPORTS", "ARTS", "TOURISM", "SOCIAL_HUMANITARIAN"];
const OVZ = ["HARD_OF_HEARING", "VISUALLY_IMPAIRED", "SPEECH_DISORDER", "MUSCULOSKELETAL", "DEVELOPMENTAL_DELAY", "AUTISM", "INTELLECTUAL_DISABILITY"];

export interface ExistingRegion {
  regionId: string;
  municipalities: { id: string; name: string; oktmo: string }[];
  organisations: { id: string; municipalityId: string; type: OrgType; shortName: string; fullName: string; inn: string; ogrn: string; kpp: string }[];
}

export function planRegion(existing: ExistingRegion, learnerCount: number, seed: number): RegionPlan {
  const r = rng(mix(seed, 1));
  const municipalities = planMunicipalities(existing, learnerCount, r);
  const organisations = planOrganisations(existing, municipalities, learnerCount, r);
  const { programmes, programmeOf } = planProgrammes(organisations, r);
  const learners = placeLearners(organisations, municipalities.length, programmeOf, learnerCount, seed);
  const classes = planClasses(organisations, learners, programmeOf);
  return { regionId: existing.regionId, municipalities, organisations, programmes, classes, learners, programmeOf };
}

function planMunicipalities(existing: ExistingRegion, learnerCount: number, r: Random): PlannedMunicipality[] {
  const wanted = Math.max(existing.municipalities.length, Math.min(60, Math.round(learnerCount / 25_000)));
  const out: PlannedMunicipality[] = existing.municipalities.map((m) => ({ ...m, town: m.name, existing: true }));
  for (let i = out.length; i < wanted; i++) {
    const town = `${pick(r, TOWNS)}-${i + 1}`;
    const name = i % 4 === 0 ? `Городской округ ${town}` : `${town} муниципальный район`;
    out.push({ id: idFor("Municipality", i), name, town, oktmo: `98${String(600 + i).padStart(3, "0")}000001`, existing: false });
  }
  return out;
}

function planOrganisations(existing: ExistingRegion, municipalities: PlannedMunicipality[], learnerCount: number, r: Random): PlannedOrganisation[] {
  const byMunicipalityId = new Map(municipalities.map((m, i) => [m.id, i]));
  const out: PlannedOrganisation[] = existing.organisations.map((o) => ({
    ...o, municipality: byMunicipalityId.get(o.municipalityId)!, existing: true,
    // Demo organisations are large, so that demo accounts see realistic lists.
    weight: 2.5,
  }));
  const wanted = Math.max(out.length, Math.round(learnerCount / 500));
  const counter: Record<string, number> = {};
  for (let i = out.length; i < wanted; i++) {
    const type = weightedType(r);
    const municipality = Math.min(municipalities.length - 1, Math.floor(Math.pow(r(), 1.6) * municipalities.length));
    const n = (counter[type] = (counter[type] ?? 0) + 1);
    const town = municipalities[municipality]!.town;
    const [shortName, fullName] = orgNames(type, n, town);
    const inn9 = String(980_000_000 + i);
    // Lognormal sizes: many small rural schools, a few very large urban ones.
    const weight = Math.exp(0.8 * gaussian(r));
    out.push({ id: idFor("Organisation", i), municipality, type, shortName, fullName, inn: makeInn(inn9), ogrn: makeOgrn(String(102_980_000_000 + i)), kpp: `${inn9.slice(0, 4)}01001`, existing: false, weight });
  }
  return out;
}

function weightedType(r: Random): OrgType {
  let x = r();
  for (const [type, share] of TYPE_SHARE) if ((x -= share) < 0) return type;
  return "GENERAL_SCHOOL";
}

function orgNames(type: OrgType, n: number, town: string): [string, string] {
  switch (type) {
    case "KINDERGARTEN": return [`МБДОУ д/с № ${n}`, `Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № ${n}» (${town})`];
    case "GENERAL_SCHOOL": return [`МБОУ СОШ № ${n + 10}`, `Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № ${n + 10}» (${town})`];
    case "BOARDING_SCHOOL": return [`ГБОУ «Школа-интернат № ${n + 10}»`, `Государственное бюджетное общеобразовательное учреждение «Школа-интернат № ${n + 10}»`];
    case "COLLEGE": return [`ГБПОУ «Колледж № ${n}»`, `Государственное бюджетное профессиональное образовательное учреждение «Колледж № ${n}» (${town})`];
    case "ADDITIONAL_EDUCATION": return [`МБУ ДО «ЦДТ № ${n}»`, `Муниципальное бюджетное учреждение дополнительного образования «Центр детского творчества № ${n}» (${town})`];
  }
}

export function gaussian(r: Random): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

function planProgrammes(organisations: PlannedOrganisation[], r: Random) {
  const programmes: PlannedProgramme[] = [];
  const programmeOf = new Map<string, number>();
  const add = (o: number, level: Level, isBasic: boolean, name: string, extra: Partial<PlannedProgramme> = {}) => {
    programmes.push({ id: idFor("Programme", programmes.length), organisation: o, level, isBasic, name, adapted: false, ovzCategory: null, direction: null, ...extra });
    if (!extra.adapted && !extra.direction) programmeOf.set(`${o}:${level}`, programmes.length - 1);
    return programmes.length - 1;
  };
  organisations.forEach((org, o) => {
    if (org.type === "KINDERGARTEN") add(o, "PRESCHOOL", true, "Образовательная программа дошкольного образования");
    if (org.type === "GENERAL_SCHOOL" || org.type === "BOARDING_SCHOOL") {
      add(o, "PRIMARY", true, "ООП начального общего образования");
      add(o, "BASIC", true, "ООП основного общего образования");
      add(o, "SECONDARY", true, "ООП среднего общего образования");
      if (r() < 0.25) add(o, "BASIC", true, "АООП основного общего образования", { adapted: true, ovzCategory: pick(r, OVZ) });
    }
    if (org.type === "COLLEGE") add(o, "VOCATIONAL", true, "ОПОП СПО по программам подготовки специалистов среднего звена");
    if (org.type === "ADDITIONAL_EDUCATION") {
      const first = programmes.length;
      for (const direction of DIRECTIONS) if (r() < 0.7) add(o, "ADDITIONAL", false, `ДООП направленности ${direction.toLowerCase()}`, { direction });
      if (programmes.length === first) add(o, "ADDITIONAL", false, "ДООП художественной направленности", { direction: "ARTS" });
      programmeOf.set(`${o}:ADDITIONAL`, first);
      programmeOf.set(`${o}:ADDITIONAL:count`, programmes.length - first);
    }
  });
  return { programmes, programmeOf };
}

export function schoolLevel(grade: number): Level {
  return grade <= 4 ? "PRIMARY" : grade <= 9 ? "BASIC" : "SECONDARY";
}

/** Learners are placed municipality by municipality, so siblings live in one place. */
function placeLearners(orgs: PlannedOrganisation[], municipalityCount: number, programmeOf: Map<string, number>, count: number, seed: number): Placement {
  const p: Placement = {
    count, kind: new Uint8Array(count), organisation: new Int32Array(count), grade: new Uint8Array(count),
    schoolClass: new Int32Array(count).fill(-1), programme: new Int32Array(count), additional: new Int32Array(count).fill(-1),
    previousOrganisation: new Int32Array(count).fill(-1), family: new Int32Array(count),
  };
  const pools = (types: OrgType[]) => Array.from({ length: municipalityCount }, (_, m) => {
    const ids = orgs.flatMap((o, i) => (o.municipality === m && types.includes(o.type) ? [i] : []));
    return { ids, cum: cumulative(ids.map((i) => orgs[i]!.weight)) };
  });
  const kinder = pools(["KINDERGARTEN"]);
  const school = pools(["GENERAL_SCHOOL", "BOARDING_SCHOOL"]);
  const college = pools(["COLLEGE"]);
  const extra = pools(["ADDITIONAL_EDUCATION"]);
  const all = (pool: typeof school) => pool.flatMap((x) => x.ids);
  const fallback = { kinder: all(kinder), school: all(school), college: all(college) };
  // Municipality populations follow the organisations' total weight.
  const municipalityWeight = new Array<number>(municipalityCount).fill(0);
  for (const o of orgs) municipalityWeight[o.municipality]! += o.weight;
  const shares = cumulative(municipalityWeight);
  let start = 0;
  for (let m = 0; m < municipalityCount; m++) {
    const end = m === municipalityCount - 1 ? count : Math.round((shares[m]! / shares[municipalityCount - 1]!) * count);
    for (let i = start; i < end; i++) {
      const r = rng(mix(seed, i + 11));
      const x = r();
      const choose = (pool: { ids: number[]; cum: Float64Array }, any: number[]) =>
        pool.ids.length ? pool.ids[pickCumulative(r, pool.cum)]! : any[int(r, 0, any.length - 1)]!;
      if (x < 0.27) {
        p.kind[i] = KIND.PRESCHOOL;
        p.organisation[i] = choose(kinder[m]!, fallback.kinder);
        p.programme[i] = programmeOf.get(`${p.organisation[i]}:PRESCHOOL`)!;
      } else if (x < 0.92) {
        p.kind[i] = KIND.SCHOOL;
        p.grade[i] = int(r, 1, 11) === 11 && r() < 0.45 ? int(r, 1, 9) : int(r, 1, 11); // fewer stay for 10–11
        p.organisation[i] = choose(school[m]!, fallback.school);
        p.programme[i] = programmeOf.get(`${p.organisation[i]}:${schoolLevel(p.grade[i]!)}`)!;
        if (p.grade[i]! >= 2 && r() < 0.08) p.previousOrganisation[i] = choose(school[m]!, fallback.school);
        if (p.previousOrganisation[i] === p.organisation[i]) p.previousOrganisation[i] = -1;
      } else {
        p.kind[i] = KIND.COLLEGE;
        p.grade[i] = int(r, 1, 4);
        p.organisation[i] = choose(college[m]!, fallback.college);
        p.programme[i] = programmeOf.get(`${p.organisation[i]}:VOCATIONAL`)!;
      }
      if (p.kind[i] !== KIND.COLLEGE && extra[m]!.ids.length && r() < 0.25) {
        const o = extra[m]!.ids[pickCumulative(r, extra[m]!.cum)]!;
        p.additional[i] = programmeOf.get(`${o}:ADDITIONAL`)! + int(r, 0, programmeOf.get(`${o}:ADDITIONAL:count`)! - 1);
      }
      // A quarter of children have a sibling just before them (families of up to 3).
      const sibling = i > start && r() < 0.25 && i - p.family[i - 1]! < 3;
      p.family[i] = sibling ? p.family[i - 1]! : i;
    }
    start = end;
  }
  return p;
}

/** Classes of the current year: ~27 learners each, learners dealt round-robin. */
function planClasses(orgs: PlannedOrganisation[], p: Placement, programmeOf: Map<string, number>): PlannedClass[] {
  const counts = new Map<number, number>(); // org * 16 + grade → learners
  for (let i = 0; i < p.count; i++) if (p.kind[i] === KIND.SCHOOL) counts.set(p.organisation[i]! * 16 + p.grade[i]!, (counts.get(p.organisation[i]! * 16 + p.grade[i]!) ?? 0) + 1);
  const classes: PlannedClass[] = [];
  const first = new Map<number, { index: number; letters: number; dealt: number }>();
  for (const [key, n] of [...counts.entries()].sort((a, b) => a[0] - b[0])) {
    const org = Math.floor(key / 16);
    const grade = key % 16;
    const letters = Math.min(LETTERS.length, Math.max(1, Math.ceil(n / CLASS_SIZE)));
    first.set(key, { index: classes.length, letters, dealt: 0 });
    for (let l = 0; l < letters; l++) {
      classes.push({ id: idFor("SchoolClass", classes.length), organisation: org, programme: programmeOf.get(`${org}:${schoolLevel(grade)}`)!, grade, letter: LETTERS[l]! });
    }
  }
  for (let i = 0; i < p.count; i++) {
    if (p.kind[i] !== KIND.SCHOOL) continue;
    const slot = first.get(p.organisation[i]! * 16 + p.grade[i]!)!;
    p.schoolClass[i] = slot.index + (slot.dealt++ % slot.letters);
  }
  void orgs;
  return classes;
}
