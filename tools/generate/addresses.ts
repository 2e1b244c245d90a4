// The synthetic region's address directory (ГАР-like) and where each learner
// lives: per municipality a town (level 5) and a few villages (level 6), their
// streets (level 8) and houses sized to the population (~1 house per 18
// children), and each family's house and flat. Ids start at 8·10^12, above the
// demo extract's and below the test fixtures' (9·10^12), so they never collide.
import type { RegionPlan } from "./plan";
import { DOTTED_TYPES } from "../../src/lib/addresses/keywords";
import { formatAddress } from "../../src/lib/addresses/parse";
import { chance, idFor, int, mix, pick, rng, type Random } from "./random";

export const OBJECT_ID_BASE = 8_000_000_000_000;
export const HOUSE_ID_BASE = 8_500_000_000_000;
const CHILDREN_PER_HOUSE = 18;
const HOUSES_PER_STREET = 14;

export interface Settlement { objectId: number; municipality: number; level: 5 | 6; typeName: string; name: string; postcode: string; existing: boolean; withStreets: boolean }
export interface Street { objectId: number; settlement: number; typeName: string; name: string }

/** Address status of a learner (decided per learner; the stay/actual house per family). */
export const STATUS = { MATCHED: 0, TYPO: 1, WITH_STAY: 2, STAY_ONLY: 3, OTHER_ACTUAL: 4 } as const;

export interface AddressPlan {
  settlements: Settlement[];
  streets: Street[];
  /** Per house: street index or -1 (numbered on its settlement), settlement index, number text, flats or not. */
  house: { count: number; street: Int32Array; settlement: Int32Array; num: string[]; flats: Uint8Array };
  /** Houses of each municipality (global house indexes). */
  housesOf: number[][];
  /** Per learner: the house of the residence (or of the stay, for STAY_ONLY), a second house (stay or actual), the status. */
  home: Int32Array;
  second: Int32Array;
  status: Uint8Array;
}

const BASES = ["Ленина", "Мира", "Советская", "Школьная", "Садовая", "Молодёжная", "Лесная", "Центральная", "Набережная", "Гагарина",
  "Пушкина", "Лермонтова", "Чехова", "Горького", "Кирова", "Октябрьская", "Первомайская", "Комсомольская", "Пионерская", "Заводская",
  "Полевая", "Луговая", "Речная", "Озёрная", "Берёзовая", "Сосновая", "Рябиновая", "Солнечная", "Весенняя", "Зелёная",
  "Строителей", "Победы", "Дружбы", "Юбилейная", "Северная", "Южная", "Восточная", "Западная", "Новая", "Трудовая",
  "Спортивная", "Вокзальная", "Почтовая", "Железнодорожная", "Калинина", "Фрунзе", "Свердлова", "Маяковского", "Есенина",
  "Суворова", "Кутузова", "Жукова", "Королёва", "Титова", "Циолковского", "Ломоносова", "Менделеева", "Павлова", "Толстого"];
const STREET_TYPES = [["ул", 70], ["пер", 14], ["проезд", 6], ["б-р", 4], ["пр-кт", 4], ["ш", 2]] as const;
const VILLAGES = ["Ивановка", "Петровское", "Никольское", "Покровка", "Александровка", "Михайловка", "Васильевка", "Вознесенское", "Сергиевка", "Троицкое", "Успенка", "Горки"];
const VILLAGE_TYPES = ["с", "д", "п"] as const;
/** The demo municipalities' towns (the demo organisations' addresses name them). */
const DEMO_TOWNS: Record<string, [string, string]> = { "99701000001": ["г", "Заречный"], "99620000001": ["с", "Сосновка"], "99640000001": ["г", "Озёрск"] };

/** Existing settlements of the directory (the demo extract), reused as the generated streets' parents. */
export interface ExistingSettlement { objectId: number; municipalityId: string; level: number; typeName: string; name: string; streetNames: string[] }

export function planAddresses(plan: RegionPlan, seed: number, existing: ExistingSettlement[], extraChildren: number): AddressPlan {
  const r = rng(mix(seed, 21));
  const L = plan.learners;
  const M = plan.municipalities.length;
  // Children per municipality: the family head's school's municipality.
  const children = new Float64Array(M);
  for (let i = 0; i < L.count; i++) children[plan.organisations[L.organisation[L.family[i]!]!]!.municipality]!++;
  const total = children.reduce((a, b) => a + b, 0) || 1;
  for (let m = 0; m < M; m++) children[m]! += (extraChildren * children[m]!) / total;

  const settlements: Settlement[] = [];
  const streets: Street[] = [];
  const house = { count: 0, street: [] as number[], settlement: [] as number[], num: [] as string[], flats: [] as number[] };
  const housesOf: number[][] = [];
  let nextObject = 0;
  for (let m = 0; m < M; m++) {
    const mun = plan.municipalities[m]!;
    const houses = Math.max(6, Math.ceil(children[m]! / CHILDREN_PER_HOUSE));
    const own = existing.filter((s) => s.municipalityId === mun.id && (s.level === 5 || s.level === 6));
    const first = settlements.length;
    const postcode = (k: number) => `9${String(m % 100).padStart(2, "0")}${String(k).padStart(3, "0")}`;
    if (own.length) {
      for (const s of own) settlements.push({ objectId: s.objectId, municipality: m, level: s.level as 5 | 6, typeName: s.typeName, name: s.name, postcode: postcode(settlements.length - first), existing: true, withStreets: true });
    } else {
      const [typeName, name] = DEMO_TOWNS[mun.oktmo] ?? ["г", mun.town];
      settlements.push({ objectId: OBJECT_ID_BASE + nextObject++, municipality: m, level: 5, typeName, name, postcode: postcode(0), existing: false, withStreets: true });
    }
    // Village names the directory does not already hold in this municipality.
    const names = VILLAGES.filter((n) => !own.some((s) => s.name === n));
    const villages = Math.min(names.length, 2 + Math.floor(houses / 400));
    for (let v = 0; v < villages; v++) {
      const k = settlements.length - first;
      // The first generated village has no streets: houses are numbered on it (a whole-settlement territory).
      settlements.push({ objectId: OBJECT_ID_BASE + nextObject++, municipality: m, level: 6, typeName: VILLAGE_TYPES[v % 3]!, name: names[(v + m) % names.length]!, postcode: postcode(k), existing: false, withStreets: v > 0 });
    }
    // The town (or the existing settlements) takes ~75 % of the houses, villages share the rest.
    const shares = settlements.slice(first).map((s, k) => (k < Math.max(1, own.length) ? 0.75 / Math.max(1, own.length) : 0.25 / villages));
    const mine: number[] = [];
    shares.forEach((share, k) => {
      const s = first + k;
      const n = Math.max(2, Math.round(houses * share));
      const withStreets = settlements[s]!.withStreets;
      const streetCount = withStreets ? Math.max(1, Math.ceil(n / HOUSES_PER_STREET)) : 0;
      const firstStreet = streets.length;
      const used = new Set<string>(settlements[s]!.existing ? own.find((e) => e.objectId === settlements[s]!.objectId)!.streetNames : []);
      for (let j = 0; j < streetCount; j++) {
        let name = pick(r, BASES);
        for (let round = 2; used.has(name); round++) name = round < 4 ? pick(r, BASES) : `${Math.floor(round / 2)}-я ${pick(r, BASES)}`;
        used.add(name);
        streets.push({ objectId: OBJECT_ID_BASE + nextObject++, settlement: s, typeName: weightedType(r), name });
      }
      const numbers = new Int32Array(Math.max(1, streetCount));
      for (let h = 0; h < n; h++) {
        const street = withStreets ? firstStreet + (h % streetCount) : -1;
        const no = ++numbers[withStreets ? h % streetCount : 0]!;
        house.street.push(street);
        house.settlement.push(s);
        house.num.push(chance(r, 0.06) ? `${no}а` : String(no));
        house.flats.push(settlements[s]!.level === 5 && chance(r, 0.85) ? 1 : 0);
        mine.push(house.count++);
      }
    });
    housesOf.push(mine);
  }

  // Each family's home: a house of its municipality; a few have a second one.
  const home = new Int32Array(L.count);
  const second = new Int32Array(L.count).fill(-1);
  const status = new Uint8Array(L.count);
  for (let i = 0; i < L.count; i++) {
    const head = L.family[i]!;
    if (head !== i) {
      home[i] = home[head]!;
      second[i] = second[head]!;
    } else {
      const hr = rng(mix(seed, i + 23_000_029));
      const own = housesOf[plan.organisations[L.organisation[i]!]!.municipality]!;
      home[i] = own[int(hr, 0, own.length - 1)]!;
      const x = hr();
      // 4 % registered for a stay elsewhere too, 1.5 % only for a stay, 1 % live at another address.
      if (x < 0.065) {
        const anywhere = chance(hr, 0.2) ? housesOf[int(hr, 0, housesOf.length - 1)]! : own;
        second[i] = anywhere[int(hr, 0, anywhere.length - 1)]!;
        status[i] = x < 0.04 ? STATUS.WITH_STAY : x < 0.055 ? STATUS.STAY_ONLY : STATUS.OTHER_ACTUAL;
      }
    }
    if (head !== i) status[i] = status[head]!;
    // A typo in 3 % of the registration addresses as a school typed them (per learner).
    if (status[i] === STATUS.MATCHED && chance(rng(mix(seed, i + 29_000_003)), 0.03)) status[i] = STATUS.TYPO;
  }
  return {
    settlements, streets,
    house: { count: house.count, street: Int32Array.from(house.street), settlement: Int32Array.from(house.settlement), num: house.num, flats: Uint8Array.from(house.flats) },
    housesOf, home, second, status,
  };
}

function weightedType(r: Random): string {
  let x = r() * 100;
  for (const [t, w] of STREET_TYPES) if ((x -= w) < 0) return t;
  return "ул";
}

export const houseObjectId = (h: number) => HOUSE_ID_BASE + h;
export const houseGuid = (h: number) => idFor("AddressHouse", h);
export const objectGuid = (objectId: number) => idFor("AddressObject", objectId - OBJECT_ID_BASE);

/** A flat for a family in a house with flats (stable per family and house). */
export function flatOf(a: AddressPlan, seed: number, head: number, h: number): string | null {
  return a.house.flats[h] ? String(1 + (mix(seed, head * 7 + h) % 180)) : null;
}

/** Every 25th house of a town has a корпус (ГАР ADDTYPE 1 = корпус). */
export function korpusOf(a: AddressPlan, h: number): string | null {
  return a.settlements[a.house.settlement[h]!]!.level === 5 && h % 25 === 7 ? "1" : null;
}

/** Parts of an address: what a LearnerAddress row and the text both show. */
export interface AddressParts { postcode: string; settlement: string; street: string | null; house: string; building: string | null; flat: string | null; municipality: number; settlementId: number; streetId: number | null }

export function partsOf(a: AddressPlan, h: number, flat: string | null): AddressParts {
  const s = a.settlements[a.house.settlement[h]!]!;
  const st = a.house.street[h]! >= 0 ? a.streets[a.house.street[h]!]! : null;
  return {
    postcode: s.postcode, settlement: typed(s.typeName, s.name), street: st ? typed(st.typeName, st.name) : null,
    house: a.house.num[h]!, building: korpusOf(a, h), flat, municipality: s.municipality, settlementId: s.objectId, streetId: st ? st.objectId : null,
  };
}

const typed = (type: string, name: string) => `${type}${DOTTED_TYPES.has(type) ? "." : ""} ${name}`;

/** «999001, г. Заречный, ул. Школьная, д. 12а, корп. 1, кв. 5»: the application's display form (formatAddress). */
export function addressText(p: AddressParts, streetOverride?: string): string {
  return formatAddress({ postcode: p.postcode, settlement: p.settlement, street: streetOverride ?? p.street, house: p.house, building: p.building, flat: p.flat });
}

/** A typo as a school types it: two neighbouring letters swapped inside the name (after its capital; the type «ул.» stays). */
export function withTypo(name: string, seed: number, i: number): string {
  const chars = [...name];
  const start = chars.findIndex((c) => /[А-ЯЁ]/.test(c));
  if (start < 0 || chars.length - start < 4) return name + "в";
  const k = start + 1 + (mix(seed, i) % (chars.length - start - 2));
  [chars[k], chars[k + 1]] = [chars[k + 1]!, chars[k]!];
  const typo = chars.join("");
  return typo === name ? name.slice(0, -1) : typo;
}
