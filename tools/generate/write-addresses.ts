// The address, territory and resident parts of the synthetic region, written
// after the learners: the directory (settlements, streets, houses), learners'
// structured addresses, the territory orders of this year and the next with
// their assignments, first-grade places, and the register of resident children.
import type { BulkTarget, Cell } from "./copy";
import { OBJECT_ID_BASE, planAddresses, type AddressPlan, type ExistingSettlement } from "./addresses";
import { ADDRESS_HOUSE_COLUMNS, ADDRESS_OBJECT_COLUMNS, addressHouseRows, addressObjectRows, LEARNER_ADDRESS_COLUMNS, learnerAddressRows } from "./address-rows";
import type { RegionPlan } from "./plan";
import { idFor } from "./random";
import { KNOWN_RESIDENT_SHARE, knownResidentRows, RESIDENT_COLUMNS, residentLearnerRows, ResidentKeys } from "./residents";
import { FIRST_GRADE_PLACES_COLUMNS, firstGradePlacesRows, planTerritories, TERRITORY_ASSIGNMENT_COLUMNS, TERRITORY_ORDER_COLUMNS } from "./territories";

type Copy = (table: string, columns: readonly string[], rows: Iterable<Cell[]>) => Promise<void>;

/** The directory's settlements already in the database (the demo extract), to hang the generated streets on. */
export async function existingSettlements(db: BulkTarget, plan: RegionPlan): Promise<ExistingSettlement[]> {
  const rows = (await db.query(
    `SELECT s."objectId"::text AS "objectId", s."municipalityId"::text AS "municipalityId", s.level, s."typeName", s.name,
            coalesce(array_agg(st.name) FILTER (WHERE st.name IS NOT NULL), '{}') AS "streetNames"
       FROM "AddressObject" s LEFT JOIN "AddressObject" st ON st."parentId" = s."objectId" AND st.level IN (7, 8)
      WHERE s.level IN (5, 6) AND s."municipalityId" = ANY($1::uuid[]) AND s."objectId" < $2
      GROUP BY s."objectId" ORDER BY s."objectId"`,
    [plan.municipalities.map((m) => m.id), OBJECT_ID_BASE],
  )) as { objectId: string; municipalityId: string; level: number; typeName: string; name: string; streetNames: string[] }[];
  return rows.map((r) => ({ ...r, objectId: Number(r.objectId), level: Number(r.level) }));
}

export function planRegionAddresses(plan: RegionPlan, seed: number, existing: ExistingSettlement[]): AddressPlan {
  return planAddresses(plan, seed, existing, Math.round(plan.learners.count * KNOWN_RESIDENT_SHARE));
}

export async function writeAddresses(db: BulkTarget, copy: Copy, plan: RegionPlan, a: AddressPlan, o: { seed: number; actorId: string; now: string }): Promise<void> {
  const L = plan.learners;
  await copy("AddressObject", ADDRESS_OBJECT_COLUMNS, addressObjectRows(plan, a));
  await copy("AddressHouse", ADDRESS_HOUSE_COLUMNS, addressHouseRows(plan, a));
  await copy("LearnerAddress", LEARNER_ADDRESS_COLUMNS, (function* () {
    for (let i = 0; i < L.count; i++) yield* learnerAddressRows(plan, a, o.seed, i, idFor("Learner", i), o.now);
  })());
  // Orders and places the database already holds (a seed's) are kept, not doubled.
  const keys = async (q: string) => new Set((await db.query(q)).map((r) => String(r.key)));
  const ordered = await keys(`SELECT DISTINCT "municipalityId"::text || ':' || "academicYear" AS key FROM "TerritoryOrder"`);
  const placed = await keys(`SELECT "organisationId"::text || ':' || "academicYear" AS key FROM "FirstGradePlaces"`);
  const territories = planTerritories(plan, a, o.seed, o.actorId, o.now, ordered);
  await copy("TerritoryOrder", TERRITORY_ORDER_COLUMNS, territories.orders);
  await copy("TerritoryAssignment", TERRITORY_ASSIGNMENT_COLUMNS, territories.assignments);
  await copy("FirstGradePlaces", FIRST_GRADE_PLACES_COLUMNS, firstGradePlacesRows(plan, o.seed, o.actorId, o.now, placed));
  const residentKeys = new ResidentKeys();
  const learnerResidents = residentLearnerRows(plan, a, o.seed, residentKeys, o.now);
  await copy("ResidentChild", RESIDENT_COLUMNS, (function* () {
    for (let i = 0; i < L.count; i++) yield* learnerResidents(i);
    yield* knownResidentRows(plan, a, o.seed, residentKeys, o.now);
  })());
}
