// Labels of directory objects for the territories page, one query per kind
// for a whole page of ids (never one query per row).
import { addressLabel } from "@/lib/territories/address-label";
import type { Db, DbTx } from "../../db";

interface HouseRow {
  objectId: bigint;
  houseNum: string;
  addNum1: string | null;
  addType1: number | null;
  addNum2: string | null;
  addType2: number | null;
  streetType: string | null;
  streetName: string | null;
  settlementType: string | null;
  settlementName: string | null;
}

/** House id (decimal string) → «г. Заречный, ул. Школьная, д. 1». */
export async function houseLabels(db: Db | DbTx, ids: readonly bigint[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<HouseRow[]>`
    SELECT h."objectId", h."houseNum", h."addNum1", h."addType1", h."addNum2", h."addType2",
           s."typeName" AS "streetType", s."name" AS "streetName", c."typeName" AS "settlementType", c."name" AS "settlementName"
    FROM "AddressHouse" h
    LEFT JOIN "AddressObject" s ON s."objectId" = h."streetId"
    LEFT JOIN "AddressObject" c ON c."objectId" = h."settlementId"
    WHERE h."objectId" = ANY(${ids.map(String)}::bigint[])`;
  return new Map(
    rows.map((r) => [
      String(r.objectId),
      addressLabel(
        r.settlementName === null ? null : { typeName: r.settlementType ?? "", name: r.settlementName },
        r.streetName === null ? null : { typeName: r.streetType ?? "", name: r.streetName },
        r,
      ),
    ]),
  );
}

interface ObjectRow {
  objectId: bigint;
  level: number;
  typeName: string;
  name: string;
  parentType: string | null;
  parentName: string | null;
  parentLevel: number | null;
}

/** Street or settlement id → «г. Заречный, ул. Школьная» (the settlement when it is the street's parent) or «г. Заречный». */
export async function objectLabels(db: Db | DbTx, ids: readonly bigint[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<ObjectRow[]>`
    SELECT o."objectId", o."level", o."typeName", o."name", p."typeName" AS "parentType", p."name" AS "parentName", p."level" AS "parentLevel"
    FROM "AddressObject" o LEFT JOIN "AddressObject" p ON p."objectId" = o."parentId"
    WHERE o."objectId" = ANY(${ids.map(String)}::bigint[])`;
  return new Map(
    rows.map((r) => {
      const self = { typeName: r.typeName, name: r.name };
      const isStreet = r.level >= 7;
      const parent = isStreet && r.parentName !== null ? { typeName: r.parentType ?? "", name: r.parentName } : null;
      return [String(r.objectId), isStreet ? addressLabel(parent, self, null) : addressLabel(self, null, null)];
    }),
  );
}

/** Labels of assignments of every kind, keyed by the directory id. */
export async function assignmentLabels(db: Db | DbTx, items: readonly { objectKind: string; garObjectId: bigint }[]): Promise<Map<string, string>> {
  const houses = items.filter((i) => i.objectKind === "HOUSE").map((i) => i.garObjectId);
  const objects = items.filter((i) => i.objectKind !== "HOUSE").map((i) => i.garObjectId);
  const [h, o] = await Promise.all([houseLabels(db, houses), objectLabels(db, objects)]);
  return new Map([...h, ...o]);
}
