// Territories assigned to the municipality's general schools by its yearly
// order (this academic year and the next), and each school's first-grade
// places. Streets are dealt to schools in blocks by school size; the
// street-less village goes whole to one school; on a few streets the houses
// are assigned one by one (some left out: unassigned houses); a few streets go
// to two schools (overlaps); a few streets are forgotten by the order.
import type { Cell } from "./copy";
import { houseObjectId, type AddressPlan } from "./addresses";
import { ACADEMIC_YEAR, KIND, type RegionPlan } from "./plan";
import { chance, cumulative, idFor, mix, rng } from "./random";

export const TERRITORY_ORDER_COLUMNS = ["id", "municipalityId", "academicYear", "orderNumber", "orderDate", "createdById", "createdAt"] as const;
export const TERRITORY_ASSIGNMENT_COLUMNS = ["id", "orderId", "organisationId", "academicYear", "objectKind", "garObjectId"] as const;
export const FIRST_GRADE_PLACES_COLUMNS = ["organisationId", "academicYear", "places", "updatedById", "updatedAt"] as const;

/** The years an order is generated for: the current academic year and the next (the admission forecast's). */
export const TERRITORY_YEARS = [ACADEMIC_YEAR, ACADEMIC_YEAR + 1] as const;

const generalSchools = (plan: RegionPlan, m: number) => plan.organisations.flatMap((o, k) => (o.municipality === m && o.type === "GENERAL_SCHOOL" ? [k] : []));

export interface Territories { orders: Cell[][]; assignments: Cell[][] }

/** `taken`: "municipalityId:year" already holding an order (the demo seed's): left as they are. */
export function planTerritories(plan: RegionPlan, a: AddressPlan, seed: number, actorId: string, now: string, taken: ReadonlySet<string> = new Set()): Territories {
  const orders: Cell[][] = [];
  const assignments: Cell[][] = [];
  plan.municipalities.forEach((mun, m) => {
    const schools = generalSchools(plan, m);
    if (!schools.length) return;
    const cum = cumulative(schools.map((k) => plan.organisations[k]!.weight));
    const totalWeight = cum[cum.length - 1]!;
    const settlementIndexes = a.settlements.flatMap((s, k) => (s.municipality === m ? [k] : []));
    const streets = a.streets.flatMap((st, k) => (a.settlements[st.settlement]!.municipality === m ? [k] : []));
    const housesOfStreet = new Map<number, number[]>();
    for (const h of a.housesOf[m]!) {
      const st = a.house.street[h]!;
      if (st >= 0) housesOfStreet.set(st, [...(housesOfStreet.get(st) ?? []), h]);
    }
    for (const year of TERRITORY_YEARS) {
      if (taken.has(`${mun.id}:${year}`)) continue;
      const r = rng(mix(seed, 31_000_000 + m * 10 + (year - ACADEMIC_YEAR)));
      const orderId = idFor("TerritoryOrder", m * 10 + (year - ACADEMIC_YEAR));
      const orderDate = year === ACADEMIC_YEAR ? `${year}-03-10` : `${ACADEMIC_YEAR}-11-16`;
      orders.push([orderId, mun.id, year, `${100 + m}-п`, orderDate, actorId, now]);
      const assign = (school: number, kind: string, objectId: number) =>
        assignments.push([idFor("TerritoryAssignment", assignments.length), orderId, plan.organisations[school]!.id, year, kind, objectId]);
      // Block by block: street j of n goes to the school whose share of the weight covers j/n.
      const schoolAt = (j: number) => {
        const x = ((j + 0.5) / streets.length) * totalWeight;
        let s = 0;
        while (cum[s]! <= x && s < cum.length - 1) s++;
        return schools[s]!;
      };
      streets.forEach((st, j) => {
        const school = schoolAt(j);
        const x = r();
        if (x < 0.02) return; // forgotten by the order: its houses are unassigned
        if (x < 0.05) {
          // House by house, one in five left out.
          for (const h of housesOfStreet.get(st) ?? []) if (!chance(r, 0.2)) assign(school, "HOUSE", houseObjectId(h));
          return;
        }
        assign(school, "STREET", a.streets[st]!.objectId);
        if (x > 0.97 && schools.length > 1) {
          const other = schoolAt((j + Math.ceil(streets.length / schools.length)) % streets.length);
          if (other !== school) assign(other, "STREET", a.streets[st]!.objectId); // an overlap
        }
      });
      // Settlements without streets go whole to the school nearest in the list.
      for (const k of settlementIndexes) if (!a.settlements[k]!.withStreets) assign(schools[k % schools.length]!, "SETTLEMENT", a.settlements[k]!.objectId);
    }
  });
  return { orders, assignments };
}

/** First-grade places per general school and year: this year's first-graders rounded up to classes of 25, next year's ± a class. */
export function* firstGradePlacesRows(plan: RegionPlan, seed: number, actorId: string, now: string, taken: ReadonlySet<string> = new Set()): Generator<Cell[]> {
  const firstGraders = new Map<number, number>();
  const L = plan.learners;
  for (let i = 0; i < L.count; i++) if (L.kind[i] === KIND.SCHOOL && L.grade[i] === 1) firstGraders.set(L.organisation[i]!, (firstGraders.get(L.organisation[i]!) ?? 0) + 1);
  for (let k = 0; k < plan.organisations.length; k++) {
    if (plan.organisations[k]!.type !== "GENERAL_SCHOOL") continue;
    const classes = Math.max(1, Math.ceil((firstGraders.get(k) ?? 0) / 25));
    const r = rng(mix(seed, 37_000_000 + k));
    for (const year of TERRITORY_YEARS) {
      const next = year === ACADEMIC_YEAR ? classes : Math.max(1, classes + (r() < 0.2 ? -1 : r() < 0.25 ? 1 : 0));
      if (!taken.has(`${plan.organisations[k]!.id}:${year}`)) yield [plan.organisations[k]!.id, year, Math.min(10_000, next * 25), actorId, now];
    }
  }
}
