// The address resolver: address texts into the ГАР directory's houses,
// streets and settlements. Set-based: a batch of texts is parsed in memory and
// looked up with one statement per chunk of 5,000 distinct lookups (array
// parameters, index probes on searchName and parentId+houseNum), so resolving
// 100,000 learners' addresses is at most 20 statements, not 100,000. Matching rules: docs/addresses.md.
import { formatAddress, normaliseName, normaliseNumber, parseAddress, type ParsedAddress } from "@/lib/addresses/parse";
import type { DbTx } from "../../db";

export type ResolvedMatch = "HOUSE" | "STREET" | "UNMATCHED";

export interface ResolvedAddress {
  parsed: ParsedAddress;
  /** HOUSE: garHouseId found; STREET: the street (or, for a settlement without streets, the settlement) found, the house not; UNMATCHED otherwise. */
  match: ResolvedMatch;
  garHouseId: bigint | null;
  /** The street matched, else the settlement when the text names no street. */
  garObjectId: bigint | null;
  /** The house's municipality, else the street's, else the settlement's (also set when UNMATCHED but the settlement was found). */
  municipalityId: string | null;
  /** Display text with the type, from the directory when found: «г. Заречный». */
  settlement: string | null;
  /** Display text with the type, from the directory when found: «ул. Школьная». */
  street: string | null;
  house: string | null;
  /** Корпус. */
  building: string | null;
  /** Строение (not kept by LearnerAddress: the source text keeps it). */
  structure: string | null;
  flat: string | null;
  /** The directory house's postcode, else the one written. */
  postcode: string | null;
}

const CHUNK = 5000;

interface Row {
  i: number;
  houseId: bigint | null;
  houseNum: string | null;
  building: string | null;
  structure: string | null;
  housePostcode: string | null;
  houseMunicipalityId: string | null;
  streetId: bigint | null;
  streetName: string | null;
  streetType: string | null;
  streetMunicipalityId: string | null;
  settlementId: bigint | null;
  settlementName: string | null;
  settlementType: string | null;
  settlementMunicipalityId: string | null;
}

// One row per lookup, each step an index probe (LATERAL), so the cost grows
// with the batch, not its square. Settlement candidates by name (levels 5/6,
// in the municipality when given), narrowed to those of the written type when
// any has it; one candidate = found. Street candidates by name under a
// candidate settlement (its parent or, through a planning element, its
// grandparent), or anywhere in the municipality when the text names no
// settlement; one = found. The house by number and корпус/строение on the found
// street (its parent), or on the found settlement when the text names no
// street; one = found.
const SQL = `
SELECT q.i,
       h."objectId" AS "houseId", h."houseNum",
       CASE WHEN h."addType1" = 1 THEN h."addNum1" WHEN h."addType2" = 1 THEN h."addNum2" END AS "building",
       CASE WHEN h."addType1" = 2 THEN h."addNum1" WHEN h."addType2" = 2 THEN h."addNum2" END AS "structure",
       h."postcode" AS "housePostcode", h."municipalityId" AS "houseMunicipalityId",
       so."objectId" AS "streetId", so."name" AS "streetName", so."typeName" AS "streetType", so."municipalityId" AS "streetMunicipalityId",
       se."objectId" AS "settlementId", se."name" AS "settlementName", se."typeName" AS "settlementType", se."municipalityId" AS "settlementMunicipalityId"
  FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS q(i, sname, stype, stname, house, korp, str)
  LEFT JOIN LATERAL (
    SELECT array_agg(c.id) AS ids, CASE WHEN count(*) = 1 THEN min(c.id) END AS id
      FROM (SELECT o."objectId" AS id, o."typeName" = q.stype AS typeok, bool_or(o."typeName" = q.stype) OVER () AS anytyped
              FROM "AddressObject" o
             WHERE o."searchName" = q.sname AND o."level" IN (5, 6) AND ($8::uuid IS NULL OR o."municipalityId" = $8::uuid)) c
     WHERE c.typeok OR NOT coalesce(c.anytyped, false)
  ) s ON true
  LEFT JOIN LATERAL (
    SELECT CASE WHEN count(*) = 1 THEN min(c.id) END AS id, min(c.sid) AS sid
      FROM (SELECT DISTINCT o."objectId" AS id,
                   CASE WHEN p."level" IN (5, 6) THEN p."objectId" WHEN gp."level" IN (5, 6) THEN gp."objectId" END AS sid
              FROM "AddressObject" o
              LEFT JOIN "AddressObject" p ON p."objectId" = o."parentId"
              LEFT JOIN "AddressObject" gp ON gp."objectId" = p."parentId"
             WHERE o."searchName" = q.stname AND o."level" IN (7, 8)
               AND ((q.sname IS NOT NULL AND (o."parentId" = ANY(s.ids) OR p."parentId" = ANY(s.ids)))
                 OR (q.sname IS NULL AND $8::uuid IS NOT NULL AND o."municipalityId" = $8::uuid))) c
  ) st ON true
  LEFT JOIN LATERAL (
    SELECT CASE WHEN count(*) = 1 THEN min(x."objectId") END AS id
      FROM "AddressHouse" x
     WHERE x."parentId" = CASE WHEN q.stname IS NOT NULL THEN st.id ELSE s.id END
       AND x."houseNum" = q.house
       AND (q.stname IS NOT NULL OR x."streetId" IS NULL)
       AND coalesce(CASE WHEN x."addType1" = 1 THEN x."addNum1" WHEN x."addType2" = 1 THEN x."addNum2" END, '') = coalesce(q.korp, '')
       AND coalesce(CASE WHEN x."addType1" = 2 THEN x."addNum1" WHEN x."addType2" = 2 THEN x."addNum2" END, '') = coalesce(q.str, '')
  ) hm ON true
  LEFT JOIN "AddressHouse" h ON h."objectId" = hm.id
  LEFT JOIN "AddressObject" so ON so."objectId" = st.id
  LEFT JOIN "AddressObject" se ON se."objectId" = coalesce(h."settlementId", st.sid, s.id)
`;

/**
 * Resolves address texts (duplicates looked up once) against the directory;
 * the map is keyed by the text as given. `municipalityId` narrows settlements
 * and streets to one municipality (a school's own, an officer's).
 */
export async function resolveAddressTexts(db: DbTx, texts: string[], opts: { municipalityId?: string } = {}): Promise<Map<string, ResolvedAddress>> {
  const unique = [...new Set(texts)];
  // Texts that differ only in what the directory does not hold (flat, postcode,
  // spelling) share one lookup: the statement sees each key once.
  const parsed = unique.map((text) => parseAddress(text));
  const keys: Lookup[] = [];
  const keyIndex = new Map<string, number>();
  const lookupOf = parsed.map((p) => {
    const key = lookupKey(p);
    const id = JSON.stringify(key);
    let index = keyIndex.get(id);
    if (index === undefined) {
      index = keys.push(key) - 1;
      keyIndex.set(id, index);
    }
    return index;
  });
  const rows: Row[] = [];
  for (let start = 0; start < keys.length; start += CHUNK) {
    const chunk = keys.slice(start, start + CHUNK);
    const column = (k: number) => chunk.map((key) => key[k]);
    rows.push(...(await db.$queryRawUnsafe<Row[]>(SQL, chunk.map((_, k) => start + k), column(0), column(1), column(2), column(3), column(4), column(5), opts.municipalityId ?? null)));
  }
  const byKey = new Map(rows.map((row) => [row.i, row]));
  const result = new Map<string, ResolvedAddress>();
  unique.forEach((text, n) => result.set(text, toResolved(parsed[n]!, byKey.get(lookupOf[n]!)!)));
  return result;
}

/** What the directory is searched by: settlement name and type, street name, house, корпус, строение. */
type Lookup = [string | null, string | null, string | null, string | null, string | null, string | null];

function lookupKey(p: ParsedAddress): Lookup {
  return [
    p.settlement ? normaliseName(p.settlement) : null,
    p.settlementType ?? null,
    p.street ? normaliseName(p.street) : null,
    p.house && !p.houseRange ? normaliseNumber(p.house) : null,
    p.building ?? null,
    p.structure ?? null,
  ];
}

function typed(type: string | null | undefined, name: string | null | undefined): string | null {
  if (!name) return null;
  // formatAddress of a lone part is that part with its type.
  return formatAddress({ settlementType: type, settlement: name });
}

function toResolved(parsed: ParsedAddress, row: Row): ResolvedAddress {
  const houseFound = row.houseId !== null;
  const streetFound = row.streetId !== null;
  const settlementOnly = !parsed.street && row.settlementId !== null;
  const match: ResolvedMatch = houseFound ? "HOUSE" : streetFound || settlementOnly ? "STREET" : "UNMATCHED";
  return {
    parsed,
    match,
    garHouseId: row.houseId,
    garObjectId: streetFound ? row.streetId : settlementOnly ? row.settlementId : null,
    municipalityId: row.houseMunicipalityId ?? row.streetMunicipalityId ?? row.settlementMunicipalityId ?? null,
    settlement: row.settlementName ? typed(row.settlementType, row.settlementName) : typed(parsed.settlementType, parsed.settlement),
    street: row.streetName ? typed(row.streetType, row.streetName) : typed(parsed.streetType, parsed.street),
    house: houseFound ? row.houseNum : (parsed.house ?? null),
    building: houseFound ? row.building : (parsed.building ?? null),
    structure: houseFound ? row.structure : (parsed.structure ?? null),
    flat: parsed.flat ?? null,
    postcode: row.housePostcode ?? parsed.postcode ?? null,
  };
}
