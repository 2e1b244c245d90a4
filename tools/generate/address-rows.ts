// Rows of the generated address directory and of learners' addresses: the
// texts the Learner row keeps (registration, stay, actual) and the structured
// LearnerAddress rows parsed from them, one per text as the application's sync
// keeps them — matched to a house for most, a few per cent UNMATCHED (a typo
// in the street), some with a stay registration.
import type { Cell } from "./copy";
import { addressText, flatOf, korpusOf, houseGuid, houseObjectId, objectGuid, partsOf, STATUS, withTypo, type AddressParts, type AddressPlan } from "./addresses";
import type { RegionPlan } from "./plan";
import { normaliseName } from "../../src/lib/addresses/normalise";

export const ADDRESS_OBJECT_COLUMNS = ["objectId", "objectGuid", "parentId", "level", "typeName", "name", "searchName", "municipalityId", "oktmo"] as const;
export const ADDRESS_HOUSE_COLUMNS = ["objectId", "objectGuid", "parentId", "streetId", "settlementId", "municipalityId", "houseNum", "houseType", "addNum1", "addType1", "postcode", "oktmo"] as const;
export const LEARNER_ADDRESS_COLUMNS = ["learnerId", "kind", "municipalityId", "settlement", "street", "house", "building", "flat", "postcode", "garHouseId", "garObjectId", "match", "sourceText", "updatedAt"] as const;

export function* addressObjectRows(plan: RegionPlan, a: AddressPlan): Generator<Cell[]> {
  const mun = (m: number) => plan.municipalities[m]!;
  for (const s of a.settlements) {
    if (s.existing) continue;
    yield [s.objectId, objectGuid(s.objectId), null, s.level, s.typeName, s.name, normaliseName(s.name), mun(s.municipality).id, mun(s.municipality).oktmo];
  }
  for (const st of a.streets) {
    const s = a.settlements[st.settlement]!;
    yield [st.objectId, objectGuid(st.objectId), s.objectId, 8, st.typeName, st.name, normaliseName(st.name), mun(s.municipality).id, mun(s.municipality).oktmo];
  }
}

export function* addressHouseRows(plan: RegionPlan, a: AddressPlan): Generator<Cell[]> {
  for (let h = 0; h < a.house.count; h++) {
    const s = a.settlements[a.house.settlement[h]!]!;
    const street = a.house.street[h]! >= 0 ? a.streets[a.house.street[h]!]!.objectId : null;
    const mun = plan.municipalities[s.municipality]!;
    const korpus = korpusOf(a, h);
    yield [houseObjectId(h), houseGuid(h), street ?? s.objectId, street, s.objectId, mun.id, a.house.num[h], 2, korpus, korpus ? 1 : null, s.postcode, mun.oktmo];
  }
}

/** Where a learner lives (the house of the first of RESIDENCE, STAY). */
export const livesAt = (a: AddressPlan, i: number): number => (a.status[i] === STATUS.STAY_ONLY ? a.second[i]! : a.home[i]!);

function parts(plan: RegionPlan, a: AddressPlan, seed: number, i: number, h: number): AddressParts {
  return partsOf(a, h, flatOf(a, seed, plan.learners.family[i]!, h));
}

/** The texts of the Learner row: registration (по месту жительства), stay (по месту пребывания), actual. */
export function learnerAddressTexts(plan: RegionPlan, a: AddressPlan, seed: number, i: number): { registration: string | null; stay: string | null; actual: string } {
  const home = parts(plan, a, seed, i, a.home[i]!);
  const second = a.second[i]! >= 0 ? parts(plan, a, seed, i, a.second[i]!) : null;
  switch (a.status[i]) {
    case STATUS.TYPO: {
      const text = addressText(home, home.street ? withTypo(home.street, seed, i) : undefined);
      return { registration: home.street ? text : text.replace(home.settlement, withTypo(home.settlement, seed, i)), stay: null, actual: text };
    }
    case STATUS.WITH_STAY: return { registration: addressText(home), stay: addressText(second!), actual: addressText(second!) };
    case STATUS.STAY_ONLY: return { registration: null, stay: addressText(second!), actual: addressText(second!) };
    case STATUS.OTHER_ACTUAL: return { registration: addressText(home), stay: null, actual: addressText(second!) };
    default: return { registration: addressText(home), stay: null, actual: addressText(home) };
  }
}

/** The family's address for its representatives: the children's registration (or stay) address as written correctly. */
export function familyAddressText(plan: RegionPlan, a: AddressPlan, seed: number, head: number): string {
  return addressText(parts(plan, a, seed, head, livesAt(a, head)));
}

export function learnerAddressRows(plan: RegionPlan, a: AddressPlan, seed: number, i: number, learnerId: string, now: string): Cell[][] {
  const texts = learnerAddressTexts(plan, a, seed, i);
  const row = (kind: string, h: number, text: string, typo: boolean): Cell[] => {
    const p = parts(plan, a, seed, i, h);
    const mun = plan.municipalities[p.municipality]!.id;
    if (!typo) return [learnerId, kind, mun, p.settlement, p.street, p.house, p.building, p.flat, p.postcode, houseObjectId(h), p.streetId ?? p.settlementId, "HOUSE", text, now];
    // As a parser leaves a typo: the parts as typed, the municipality known from the postcode and settlement, no house.
    const street = p.street ? withTypo(p.street, seed, i) : null;
    const settlement = p.street ? p.settlement : withTypo(p.settlement, seed, i);
    return [learnerId, kind, mun, settlement, street, p.house, p.building, p.flat, p.postcode, null, null, "UNMATCHED", text, now];
  };
  const rows: Cell[][] = [];
  const status = a.status[i];
  if (texts.registration) rows.push(row("RESIDENCE", a.home[i]!, texts.registration, status === STATUS.TYPO));
  if (texts.stay) rows.push(row("STAY", a.second[i]!, texts.stay, false));
  // One row per text, as the application's sync keeps them: the actual address is where the family lives now.
  rows.push(row("ACTUAL", status === STATUS.MATCHED || status === STATUS.TYPO ? a.home[i]! : a.second[i]!, texts.actual, status === STATUS.TYPO));
  return rows;
}
