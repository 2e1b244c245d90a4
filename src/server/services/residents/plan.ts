// Deciding, row by row, what a resident children's file would do: add a
// child, update a stored one (a corrected file), leave it, or refuse the row.
// Nothing is written here; import-residents.ts carries the plan out.
//
// The key of a child: its SNILS (blind index) when the row has one, else the
// search name and birth date. A row with SNILS that finds no child by it takes
// a stored child of the same name and birth date that has no SNILS yet (a
// corrected list adds the SNILS); a row without SNILS takes the one stored
// child of that name and birth date, with or without SNILS. Empty optional
// cells (middle name, sex, SNILS, flat) keep what is stored: a polyclinic's
// list without SNILS does not erase the registry office's. The source stays
// the one the child first came from.
import type { ResidentMatchCode, ResidentRowOutcome } from "@/lib/schemas/residents";
import type { DbTx } from "../../db";
import type { ResidentRow } from "./parse-row";
import { residentSearchName } from "./parse-row";

export interface StoredResident {
  id: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  searchName: string;
  birthDate: Date;
  sex: "MALE" | "FEMALE" | null;
  snilsIndex: string | null;
  addressText: string | null;
  garHouseId: bigint | null;
  flat: string | null;
  learnerId: string | null;
  matchedBy: ResidentMatchCode;
}

const STORED_SELECT = {
  id: true, lastName: true, firstName: true, middleName: true, searchName: true, birthDate: true, sex: true,
  snilsIndex: true, addressText: true, garHouseId: true, flat: true, learnerId: true, matchedBy: true,
} as const;

const nameKey = (searchName: string, birthDate: string) => `${searchName}|${birthDate}`;
const day = (d: Date) => d.toISOString().slice(0, 10);

/** Stored children of the municipality that the file's rows may name: by SNILS index or by name and birth date. */
export async function loadStoredResidents(tx: DbTx, municipalityId: string, rows: { snilsIndex: string | null; searchName: string; birthDate: string }[]) {
  const bySnils = new Map<string, StoredResident>();
  const byName = new Map<string, StoredResident[]>();
  const CHUNK = 5000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    const indexes = part.flatMap((r) => (r.snilsIndex ? [r.snilsIndex] : []));
    const found = [
      ...(indexes.length ? await tx.residentChild.findMany({ where: { municipalityId, snilsIndex: { in: indexes } }, select: STORED_SELECT }) : []),
      ...(await tx.$queryRaw<{ id: string }[]>`
        SELECT r."id"::text AS id FROM "ResidentChild" r
        JOIN unnest(${part.map((r) => r.searchName)}::text[], ${part.map((r) => r.birthDate)}::date[]) AS k(search_name, birth)
          ON r."searchName" = k.search_name AND r."birthDate" = k.birth
        WHERE r."municipalityId" = ${municipalityId}::uuid`.then((ids) =>
        ids.length ? tx.residentChild.findMany({ where: { id: { in: ids.map((x) => x.id) } }, select: STORED_SELECT }) : [],
      )),
    ] as StoredResident[];
    for (const s of found) {
      if (s.snilsIndex) bySnils.set(s.snilsIndex, s);
      const key = nameKey(s.searchName, day(s.birthDate));
      const list = byName.get(key) ?? [];
      if (!list.some((x) => x.id === s.id)) byName.set(key, [...list, s]);
    }
  }
  return { bySnils, byName };
}

export interface KeyedRow extends ResidentRow {
  snilsIndex: string | null;
}

/** The stored child a row names, a problem, or none (a new child). Duplicates within the file come first. */
export function findStored(row: KeyedRow, stored: Awaited<ReturnType<typeof loadStoredResidents>>): { stored: StoredResident | null } | { problem: string } {
  const namesakes = stored.byName.get(nameKey(row.searchName, row.birthDate)) ?? [];
  if (row.snilsIndex) {
    const same = stored.bySnils.get(row.snilsIndex) ?? namesakes.find((s) => s.snilsIndex === null) ?? null;
    return { stored: same };
  }
  if (namesakes.length > 1) return { problem: "В реестре несколько детей с такими ФИО и датой рождения (с разными СНИЛС): укажите СНИЛС" };
  return { stored: namesakes[0] ?? null };
}

/** Rows repeating an earlier row of the file: the same SNILS, or the same name and birth date where one of the two has no SNILS. */
export function duplicateOf(rows: KeyedRow[]): Map<number, number> {
  const firstBySnils = new Map<string, number>();
  const firstByName = new Map<string, { row: number; hasSnils: boolean }[]>();
  const out = new Map<number, number>();
  for (const r of rows) {
    const key = nameKey(r.searchName, r.birthDate);
    const earlier = (r.snilsIndex ? firstBySnils.get(r.snilsIndex) : undefined) ?? (firstByName.get(key) ?? []).find((e) => !e.hasSnils || !r.snilsIndex)?.row;
    if (earlier !== undefined) {
      out.set(r.row, earlier);
      continue;
    }
    if (r.snilsIndex) firstBySnils.set(r.snilsIndex, r.row);
    firstByName.set(key, [...(firstByName.get(key) ?? []), { row: r.row, hasSnils: r.snilsIndex !== null }]);
  }
  return out;
}

/** The child's fields after the row: the file's values, empty optional cells keeping the stored ones. */
export function mergedFields(row: KeyedRow, stored: StoredResident | null, house: { garHouseId: bigint | null; flat: string | null }) {
  const middleName = row.middleName ?? stored?.middleName ?? null;
  return {
    lastName: row.lastName,
    firstName: row.firstName,
    middleName,
    searchName: residentSearchName(row.lastName, row.firstName, middleName),
    birthDate: row.birthDate,
    sex: row.sex ?? stored?.sex ?? null,
    snilsIndex: row.snilsIndex ?? stored?.snilsIndex ?? null,
    addressText: row.address,
    garHouseId: house.garHouseId,
    flat: row.flat ?? house.flat ?? stored?.flat ?? null,
  };
}
export type MergedFields = ReturnType<typeof mergedFields>;

/** Whether writing `next` (with its match) would change the stored child. */
export function changes(stored: StoredResident, next: MergedFields & { learnerId: string | null; matchedBy: ResidentMatchCode }): boolean {
  return (
    stored.lastName !== next.lastName ||
    stored.firstName !== next.firstName ||
    stored.middleName !== next.middleName ||
    stored.searchName !== next.searchName ||
    day(stored.birthDate) !== next.birthDate ||
    stored.sex !== next.sex ||
    stored.snilsIndex !== next.snilsIndex ||
    stored.addressText !== next.addressText ||
    stored.garHouseId !== next.garHouseId ||
    stored.flat !== next.flat ||
    stored.learnerId !== next.learnerId ||
    stored.matchedBy !== next.matchedBy
  );
}

export const outcomeName = (r: ResidentRow) => [r.lastName, r.firstName, r.middleName].filter(Boolean).join(" ");
export type { ResidentRowOutcome };
