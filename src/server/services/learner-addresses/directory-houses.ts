// Houses of the ГАР directory by id, with their street and settlement as the
// resolver shows them («г. Заречный», «ул. Школьная»): what a house picked from
// the suggestions stores in LearnerAddress.
import { formatAddress } from "@/lib/addresses/parse";
import type { DbTx } from "../../db";

export interface DirectoryHouse {
  objectId: string;
  municipalityId: string | null;
  settlement: string | null;
  street: string | null;
  house: string;
  /** Корпус (ГАР ADDTYPE 1), as the resolver reads it. */
  building: string | null;
  postcode: string | null;
  streetId: string | null;
  settlementId: string | null;
}

interface Row extends DirectoryHouse {
  streetType: string | null;
  settlementType: string | null;
}

/** Ids are decimal strings already checked by the input schema (at most 18 digits). */
export async function directoryHouses(tx: DbTx, ids: readonly string[]): Promise<Map<string, DirectoryHouse>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.$queryRaw<Row[]>`
    SELECT h."objectId"::text AS "objectId", h."municipalityId", h."houseNum" AS "house", h."postcode",
      CASE WHEN h."addType1" = 1 THEN h."addNum1" WHEN h."addType2" = 1 THEN h."addNum2" END AS "building",
      h."streetId"::text AS "streetId", h."settlementId"::text AS "settlementId",
      s."name" AS "street", s."typeName" AS "streetType", p."name" AS "settlement", p."typeName" AS "settlementType"
    FROM "AddressHouse" h
    LEFT JOIN "AddressObject" s ON s."objectId" = h."streetId"
    LEFT JOIN "AddressObject" p ON p."objectId" = h."settlementId"
    WHERE h."objectId" = ANY(${[...ids]}::bigint[])`;
  return new Map(
    rows.map(({ streetType, settlementType, ...house }) => [
      house.objectId,
      {
        ...house,
        // formatAddress of a lone part is that part with its type, as the resolver writes it.
        settlement: house.settlement ? formatAddress({ settlementType, settlement: house.settlement }) : null,
        street: house.street ? formatAddress({ streetType, street: house.street }) : null,
      },
    ]),
  );
}
