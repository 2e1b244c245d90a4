// Address suggestions while a person types: the query is read by the address
// parser, then looked up by name prefix in the directory — settlements and
// streets («Школьн»), or the houses of a street whose number starts with what
// was typed («Заречный Школьная 1»). Words without types are tried both as one
// street name and as a settlement followed by a street. Each lookup is one
// bounded statement (LIMIT) on the searchName and parentId+houseNum indexes.
// The directory is not personal data: no scope refusal beyond the named check
// and no audit row; the actor's own municipality only comes first.
import { formatAddress, normaliseName, normaliseNumber, parseAddress } from "@/lib/addresses/parse";
import type { AddressSuggestion, AddressSuggestions, SuggestAddressesInput } from "@/lib/schemas/addresses";
import type { Actor } from "../../auth/actor";
import type { DbTx } from "../../db";
import { likeLiteral } from "../../db/like";

const DEFAULT_LIMIT = 10;

/** One reading of the query: `context` the settlement's name prefix (or none), `target` the street's or settlement's. */
interface Reading {
  context: string | null;
  target: string;
  levels: number[];
}

function readings(query: string): { list: Reading[]; house: string | null } {
  const p = parseAddress(query);
  const house = p.house && !p.houseRange ? normaliseNumber(p.house) : null;
  const settlement = p.settlement ? normaliseName(p.settlement) : null;
  const extra = normaliseName(p.rest.filter((w) => !/^\d/.test(w)).join(" "));
  const street = p.street ? normaliseName(p.street) : extra || null;
  if (settlement && street) return { list: [{ context: settlement, target: street, levels: [7, 8] }], house };
  if (settlement) return { list: [{ context: null, target: settlement, levels: [5, 6] }], house };
  if (!street) return { list: [], house };
  const list: Reading[] = [{ context: null, target: street, levels: p.streetType ? [7, 8] : [5, 6, 7, 8] }];
  // «Заречный Школьная»: the first word(s) may be the settlement.
  const words = street.split(" ");
  for (let k = 1; k < Math.min(words.length, 4); k++) list.push({ context: words.slice(0, k).join(" "), target: words.slice(k).join(" "), levels: [7, 8] });
  return { list, house };
}

interface ObjectRow {
  objectId: bigint;
  level: number;
  typeName: string;
  name: string;
  municipalityId: string | null;
  sType: string | null;
  sName: string | null;
}
interface HouseRow extends ObjectRow {
  houseId: bigint;
  houseNum: string;
  building: string | null;
  structure: string | null;
  postcode: string | null;
  houseMunicipalityId: string | null;
}

// The target (a street, or a settlement) by name prefix — the range on
// searchName lets the B-tree serve it, LIKE checks it — with its settlement
// (the parent or, through a planning element, the grandparent) by prefix.
const TARGETS = `
  FROM "AddressObject" o
  LEFT JOIN "AddressObject" p ON p."objectId" = o."parentId"
  LEFT JOIN "AddressObject" gp ON gp."objectId" = p."parentId"
  LEFT JOIN "AddressObject" se ON se."objectId" = CASE WHEN o."level" IN (7, 8) THEN
         CASE WHEN p."level" IN (5, 6) THEN p."objectId" WHEN gp."level" IN (5, 6) THEN gp."objectId" END END
 WHERE o."searchName" >= $1 AND o."searchName" < $1 || chr(1114111) AND o."searchName" LIKE $2 ESCAPE '\\'
   AND o."level" = ANY($3::int[])
   AND ($4::text IS NULL OR se."searchName" LIKE $4 ESCAPE '\\')
   AND ($5::uuid IS NULL OR o."municipalityId" = $5::uuid)`;

const OBJECTS_SQL = `
SELECT o."objectId", o."level", o."typeName", o."name", o."municipalityId", se."typeName" AS "sType", se."name" AS "sName"
${TARGETS}
 ORDER BY (o."municipalityId" IS NOT DISTINCT FROM $6::uuid) DESC, (o."searchName" = $1) DESC, o."level", o."searchName", se."searchName"
 LIMIT $7`;

const HOUSES_SQL = `
SELECT o."objectId", o."level", o."typeName", o."name", o."municipalityId", se."typeName" AS "sType", se."name" AS "sName",
       h."objectId" AS "houseId", h."houseNum", h."postcode", h."municipalityId" AS "houseMunicipalityId",
       CASE WHEN h."addType1" = 1 THEN h."addNum1" WHEN h."addType2" = 1 THEN h."addNum2" END AS "building",
       CASE WHEN h."addType1" = 2 THEN h."addNum1" WHEN h."addType2" = 2 THEN h."addNum2" END AS "structure"
${TARGETS.replace(`FROM "AddressObject" o`, `FROM "AddressObject" o JOIN "AddressHouse" h ON h."parentId" = o."objectId" AND h."houseNum" LIKE $8 ESCAPE '\\'`)}
 ORDER BY (h."municipalityId" IS NOT DISTINCT FROM $6::uuid) DESC, (o."searchName" = $1) DESC, o."searchName", length(h."houseNum"), h."houseNum",
          h."addNum1" NULLS FIRST, h."addNum2" NULLS FIRST
 LIMIT $7`;

const isSettlement = (level: number) => level === 5 || level === 6;

function objectLabel(r: ObjectRow): string {
  if (isSettlement(r.level)) return formatAddress({ settlementType: r.typeName, settlement: r.name });
  return formatAddress({ settlementType: r.sType, settlement: r.sName, streetType: r.typeName, street: r.name });
}

function houseLabel(r: HouseRow): string {
  const place = isSettlement(r.level)
    ? { settlementType: r.typeName, settlement: r.name }
    : { settlementType: r.sType, settlement: r.sName, streetType: r.typeName, street: r.name };
  return formatAddress({ ...place, house: r.houseNum, building: r.building, structure: r.structure });
}

export async function suggestAddresses(db: DbTx, actor: Actor, input: SuggestAddressesInput): Promise<AddressSuggestions> {
  const limit = input.limit ?? DEFAULT_LIMIT;
  const own = "municipalityId" in actor.scope ? actor.scope.municipalityId : null;
  const { list, house } = readings(input.query);
  const items: AddressSuggestion[] = [];
  const seen = new Set<string>();
  const add = (item: AddressSuggestion) => {
    if (seen.has(`${item.kind}:${item.objectId}`) || items.length >= limit) return;
    seen.add(`${item.kind}:${item.objectId}`);
    items.push(item);
  };
  const params = (r: Reading) => [r.target, `${likeLiteral(r.target)}%`, r.levels, r.context === null ? null : `${likeLiteral(r.context)}%`, input.municipalityId ?? null, own, limit];

  if (house) {
    for (const r of list) {
      const rows = await db.$queryRawUnsafe<HouseRow[]>(HOUSES_SQL, ...params(r), `${likeLiteral(house)}%`);
      for (const row of rows)
        add({ kind: "HOUSE", objectId: row.houseId.toString(), label: houseLabel(row), municipalityId: row.houseMunicipalityId, postcode: row.postcode });
    }
  }
  // No house typed, or none found under that number: the streets and settlements themselves.
  if (items.length === 0) {
    for (const r of list) {
      const rows = await db.$queryRawUnsafe<ObjectRow[]>(OBJECTS_SQL, ...params(r));
      for (const row of rows)
        add({ kind: isSettlement(row.level) ? "SETTLEMENT" : "STREET", objectId: row.objectId.toString(), label: objectLabel(row), municipalityId: row.municipalityId, postcode: null });
    }
  }
  // Own municipality first across readings too (each statement already orders its rows so).
  const rank = (i: AddressSuggestion) => (own !== null && i.municipalityId === own ? 0 : 1);
  return { items: items.map((item, n) => ({ item, n })).sort((a, b) => rank(a.item) - rank(b.item) || a.n - b.n).map(({ item }) => item) };
}
