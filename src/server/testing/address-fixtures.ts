// A small piece of the address directory (ГАР) for integration tests: one
// settlement of a municipality, two streets in it, and a dozen houses — five on
// each street and two numbered on the settlement itself (a village without
// streets) — with streetId/settlementId resolved as the loader would. Tests
// insert their own rows so they do not depend on the demo extract; each call
// takes a fresh block of object ids, so several fixtures live side by side.
import { randomUUID } from "node:crypto";
import type { Db, DbTx } from "../db";

export interface AddressFixture {
  municipalityId: string;
  settlementId: bigint;
  /** Two streets of the settlement: «ул. Школьная» and «ул. Садовая» (names prefixed when `prefix` is given). */
  streetIds: [bigint, bigint];
  /** Five houses of the first street (№ 1–5). */
  streetAHouses: bigint[];
  /** Five houses of the second street (№ 1–5). */
  streetBHouses: bigint[];
  /** Two houses numbered on the settlement, without a street (№ 101, 102). */
  settlementHouses: bigint[];
  /** All twelve houses. */
  houseIds: bigint[];
  postcode: string;
}

let nextBlock = 0;

/** A block of 100 ids in a range the demo extract does not use (9·10^12 and up), unique per process and call. */
function freshBase(): bigint {
  nextBlock += 1;
  const salt = BigInt(process.pid % 10_000) * 1_000_000n;
  return 9_000_000_000_000n + salt + BigInt(nextBlock) * 100n;
}

export interface AddressFixtureOptions {
  municipalityId: string;
  /** The settlement's name; defaults to «Заречный». */
  settlementName?: string;
  /** Prepended to street names, to tell two fixtures apart in a suggestion test. */
  prefix?: string;
  postcode?: string;
  oktmo?: string;
}

const lower = (s: string) => s.toLowerCase().replace(/ё/g, "е");

export async function createAddressFixture(db: Db | DbTx, options: AddressFixtureOptions): Promise<AddressFixture> {
  const base = freshBase();
  const { municipalityId } = options;
  const settlementName = options.settlementName ?? "Заречный";
  const postcode = options.postcode ?? "999001";
  const oktmo = options.oktmo ?? null;
  const prefix = options.prefix ? `${options.prefix} ` : "";
  const settlementId = base;
  const streetIds: [bigint, bigint] = [base + 1n, base + 2n];
  const streetNames = [`${prefix}Школьная`, `${prefix}Садовая`];

  await db.addressObject.createMany({
    data: [
      { objectId: settlementId, objectGuid: randomUUID(), parentId: null, level: 5, typeName: "г", name: settlementName, searchName: lower(settlementName), municipalityId, oktmo },
      ...streetIds.map((objectId, i) => ({
        objectId,
        objectGuid: randomUUID(),
        parentId: settlementId,
        level: 8,
        typeName: "ул",
        name: streetNames[i]!,
        searchName: lower(streetNames[i]!),
        municipalityId,
        oktmo,
      })),
    ],
  });

  const house = (objectId: bigint, parentId: bigint, streetId: bigint | null, houseNum: string) => ({
    objectId,
    objectGuid: randomUUID(),
    parentId,
    streetId,
    settlementId,
    municipalityId,
    houseNum,
    houseType: 2,
    postcode,
    oktmo,
  });
  const streetAHouses = [1, 2, 3, 4, 5].map((n) => base + 10n + BigInt(n));
  const streetBHouses = [1, 2, 3, 4, 5].map((n) => base + 20n + BigInt(n));
  const settlementHouses = [base + 31n, base + 32n];
  await db.addressHouse.createMany({
    data: [
      ...streetAHouses.map((id, i) => house(id, streetIds[0], streetIds[0], String(i + 1))),
      ...streetBHouses.map((id, i) => house(id, streetIds[1], streetIds[1], String(i + 1))),
      ...settlementHouses.map((id, i) => house(id, settlementId, null, String(101 + i))),
    ],
  });
  return {
    municipalityId,
    settlementId,
    streetIds,
    streetAHouses,
    streetBHouses,
    settlementHouses,
    houseIds: [...streetAHouses, ...streetBHouses, ...settlementHouses],
    postcode,
  };
}
