// Which schools a house is assigned to (issue 22, docs/territories.md): an
// assignment of year Y covers a house when it names the house, its street or
// its settlement. The lookup answers for one house; overlaps (two or more
// schools) and unassigned houses (none) are set-based over a municipality's
// houses — three index joins (house by primary key, street and settlement by
// their indexes) instead of one OR join, which no index serves, so they hold at
// a million houses. Reads of public documents: no audit row.
import type { SchoolsForAddressInput, TerritoryHousesPageInput } from "@/lib/schemas/territories";
import type { Actor } from "../../auth/actor";
import { Prisma } from "../../generated/prisma/client";
import { canSuggestAddresses, permits } from "../../authz/permissions";
import type { Db } from "../../db";
import { badRequest, forbidden, notFound } from "../../errors";
import { resolveAddressTexts } from "../addresses/resolve";
import { assignmentLabels, houseLabels } from "./labels";
import { municipalityOf, requireManager } from "./territory-scope";

/**
 * The schools a house is assigned to in a year, each with the assignments
 * (house, street or settlement) and orders that make it so. Also for school
 * staff: the orders are public documents, and a family may come from anywhere
 * in the region; a municipality's officer looks up only its own municipality.
 */
export async function schoolsForAddress(db: Db, actor: Actor, input: SchoolsForAddressInput) {
  if (!permits(canSuggestAddresses, actor)) throw forbidden();
  const houseId = input.houseId ? BigInt(input.houseId) : await houseOfText(db, actor, input.address ?? "");
  const house = await db.addressHouse.findUnique({
    where: { objectId: houseId },
    select: { objectId: true, streetId: true, settlementId: true, municipalityId: true, municipality: { select: { regionId: true } } },
  });
  const scope = actor.scope;
  const visible = house?.municipality && (scope.kind === "MUNICIPALITY" ? house.municipalityId === scope.municipalityId : house.municipality.regionId === scope.regionId);
  if (!house || !visible) throw notFound("Адрес не найден в справочнике");
  const covering = [
    { objectKind: "HOUSE" as const, garObjectId: house.objectId },
    ...(house.streetId === null ? [] : [{ objectKind: "STREET" as const, garObjectId: house.streetId }]),
    ...(house.settlementId === null ? [] : [{ objectKind: "SETTLEMENT" as const, garObjectId: house.settlementId }]),
  ];
  const assignments = await db.territoryAssignment.findMany({
    where: { academicYear: input.academicYear, OR: covering },
    select: {
      id: true,
      objectKind: true,
      garObjectId: true,
      organisation: { select: { id: true, shortName: true } },
      order: { select: { id: true, orderNumber: true, orderDate: true } },
    },
    orderBy: [{ organisationId: "asc" }, { objectKind: "asc" }],
  });
  const [labels, own] = await Promise.all([assignmentLabels(db, assignments), houseLabels(db, [house.objectId])]);
  const schools = new Map<string, { organisationId: string; shortName: string; via: { assignmentId: string; objectKind: string; label: string; orderId: string; orderNumber: string; orderDate: string }[] }>();
  for (const a of assignments) {
    const school = schools.get(a.organisation.id) ?? { organisationId: a.organisation.id, shortName: a.organisation.shortName, via: [] };
    school.via.push({
      assignmentId: a.id,
      objectKind: a.objectKind,
      label: labels.get(String(a.garObjectId)) ?? String(a.garObjectId),
      orderId: a.order.id,
      orderNumber: a.order.orderNumber,
      orderDate: a.order.orderDate.toISOString().slice(0, 10),
    });
    schools.set(a.organisation.id, school);
  }
  const id = String(house.objectId);
  return { houseId: id, label: own.get(id) ?? id, academicYear: input.academicYear, schools: [...schools.values()] };
}

/** The directory house an address text names (a municipality's officer: within its municipality); a text matching no house is a field error. */
async function houseOfText(db: Db, actor: Actor, text: string): Promise<bigint> {
  const municipalityId = actor.scope.kind === "MUNICIPALITY" ? actor.scope.municipalityId : undefined;
  const resolved = (await resolveAddressTexts(db, [text], { municipalityId })).get(text);
  if (!resolved || resolved.match !== "HOUSE" || resolved.garHouseId === null) throw badRequest("Дом по этому адресу не найден в справочнике: выберите адрес из подсказок", "address");
  return resolved.garHouseId;
}

interface OverlapRow {
  houseId: bigint | null;
  organisationIds: string[] | null;
  total: bigint;
}

/** Houses of the municipality covered by two or more schools in the year, with the schools; paged, with the total. */
export async function overlappingHouses(db: Db, actor: Actor, input: TerritoryHousesPageInput) {
  requireManager(actor);
  const municipalityId = await municipalityOf(db, actor, input.municipalityId);
  const y = input.academicYear;
  // The year's assignments, one row per object with its schools (a few thousand
  // rows), hash-joined to the municipality's houses: one pass over the houses.
  // A house overlaps when its house, street and settlement schools are not all
  // one school — a scalar test on the (deduplicated) arrays; the union of the
  // schools is built only for the page's rows. The total row joins the page,
  // so a page past the end still carries the total (one row, houseId null).
  const rows = await db.$queryRaw<OverlapRow[]>`
    WITH a AS MATERIALIZED (
      SELECT "objectKind" AS k, "garObjectId" AS g, array_agg(DISTINCT "organisationId"::text) AS orgs
        FROM "TerritoryAssignment" WHERE "academicYear" = ${y}::smallint GROUP BY 1, 2
    ), overlap AS MATERIALIZED (
      SELECT h."objectId" AS house, ah.orgs AS ho, ast.orgs AS so, ase.orgs AS eo
        FROM "AddressHouse" h
        LEFT JOIN a ah ON ah.k = 'HOUSE' AND ah.g = h."objectId"
        LEFT JOIN a ast ON ast.k = 'STREET' AND ast.g = h."streetId"
        LEFT JOIN a ase ON ase.k = 'SETTLEMENT' AND ase.g = h."settlementId"
       WHERE h."municipalityId" = ${municipalityId}::uuid
         AND (cardinality(ah.orgs) > 1 OR cardinality(ast.orgs) > 1 OR cardinality(ase.orgs) > 1
              OR ah.orgs[1] <> coalesce(ast.orgs[1], ase.orgs[1]) OR ast.orgs[1] <> ase.orgs[1])
    ), page AS (
      SELECT house, ARRAY(SELECT DISTINCT o FROM unnest(coalesce(ho, '{}') || coalesce(so, '{}') || coalesce(eo, '{}')) o ORDER BY o) AS orgs
        FROM overlap ORDER BY house LIMIT ${input.pageSize} OFFSET ${input.page * input.pageSize}
    )
    SELECT p.house AS "houseId", p.orgs AS "organisationIds", t.total
      FROM (SELECT count(*) AS total FROM overlap) t LEFT JOIN page p ON true
     ORDER BY p.house`;
  const found = rows.filter((r): r is OverlapRow & { houseId: bigint; organisationIds: string[] } => r.houseId !== null);
  const [labels, names] = await Promise.all([
    houseLabels(db, found.map((r) => r.houseId)),
    db.organisation.findMany({ where: { id: { in: [...new Set(found.flatMap((r) => r.organisationIds))] } }, select: { id: true, shortName: true } }),
  ]);
  const nameOf = new Map(names.map((n) => [n.id, n.shortName]));
  return {
    total: Number(rows[0]?.total ?? 0),
    page: input.page,
    pageSize: input.pageSize,
    rows: found.map((r) => ({
      houseId: String(r.houseId),
      label: labels.get(String(r.houseId)) ?? String(r.houseId),
      schools: r.organisationIds.map((id) => ({ organisationId: id, shortName: nameOf.get(id) ?? id })),
    })),
  };
}

/**
 * Houses of the municipality no assignment of the year covers; paged, with the
 * total and the number of the municipality's houses. Three anti-joins on the
 * (academicYear, garObjectId) index; the year's assignments are few.
 */
export async function unassignedHouses(db: Db, actor: Actor, input: TerritoryHousesPageInput) {
  requireManager(actor);
  const municipalityId = await municipalityOf(db, actor, input.municipalityId);
  const y = input.academicYear;
  // NOT IN over the year's assignments of each kind is planned as a hashed
  // subplan: one pass over the municipality's houses, each tested against three
  // small hash tables (correlated NOT EXISTS with a LIMIT made the planner walk
  // the primary key with an index probe per house). "+ 0" keeps the sort off
  // the primary key for the same reason: a top-N sort of the survivors.
  const uncovered = Prisma.sql`
    h."municipalityId" = ${municipalityId}::uuid
    AND h."objectId" NOT IN (SELECT "garObjectId" FROM "TerritoryAssignment" WHERE "academicYear" = ${y}::smallint AND "objectKind" = 'HOUSE')
    AND (h."streetId" IS NULL OR h."streetId" NOT IN (SELECT "garObjectId" FROM "TerritoryAssignment" WHERE "academicYear" = ${y}::smallint AND "objectKind" = 'STREET'))
    AND (h."settlementId" IS NULL OR h."settlementId" NOT IN (SELECT "garObjectId" FROM "TerritoryAssignment" WHERE "academicYear" = ${y}::smallint AND "objectKind" = 'SETTLEMENT'))`;
  const [rows, [counts]] = await Promise.all([
    db.$queryRaw<{ houseId: bigint }[]>`
      SELECT h."objectId" AS "houseId" FROM "AddressHouse" h WHERE ${uncovered}
       ORDER BY h."objectId" + 0 LIMIT ${input.pageSize} OFFSET ${input.page * input.pageSize}`,
    db.$queryRaw<[{ unassigned: bigint; houses: bigint }]>`
      SELECT (SELECT count(*) FROM "AddressHouse" h WHERE ${uncovered}) AS unassigned,
             (SELECT count(*) FROM "AddressHouse" WHERE "municipalityId" = ${municipalityId}::uuid) AS houses`,
  ]);
  const labels = await houseLabels(db, rows.map((r) => r.houseId));
  return {
    total: Number(counts.unassigned),
    houses: Number(counts.houses),
    page: input.page,
    pageSize: input.pageSize,
    rows: rows.map((r) => ({ houseId: String(r.houseId), label: labels.get(String(r.houseId)) ?? String(r.houseId) })),
  };
}
