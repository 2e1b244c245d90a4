// Finding the registry records an import's rows may refer to, in large
// chunks with array parameters: most rows of a big file are new, so the
// lookups first find which ones exist at all (ids only), and the caller loads
// full records for those few.
//
// By SNILS: one equality per row on the blind-index unique index.
//
// By name: registry learners who may be the same person as import rows without a known
// SNILS: same full name (case-insensitive, ё as е) and birth date. The lookup
// goes through the search key the database keeps for every learner
// (learner_search_name trigger) and its B-tree on (searchName, birthDate):
// one index probe per row, a chunk of rows per statement. The earlier form,
// an OR of case-insensitive name comparisons per 200 rows, scanned the whole
// Learner table per chunk (about 15 s per chunk at 200,000 learners).
import type { DbTx } from "../../../db";

/** Rows per statement: one array parameter per column. */
const CHUNK = 5000;

/** Ids of the learners or representatives holding any of these SNILS blind indexes. */
export async function idsBySnilsIndex(tx: DbTx, table: "Learner" | "Representative", indexes: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < indexes.length; i += CHUNK) {
    const found = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT "id" FROM "${table}" WHERE "snilsIndex" = ANY($1::text[])`, indexes.slice(i, i + CHUNK));
    for (const { id } of found) ids.push(id);
  }
  return ids;
}

export interface NameToFind {
  lastName: string;
  firstName: string;
  middleName?: string | null;
  /** YYYY-MM-DD */
  birthDate: string;
  /**
   * The row has a SNILS the registry does not know: only a same-name learner
   * without SNILS can be this person (SNILS is the hard rule), so learners
   * holding another SNILS are not even loaded.
   */
  snils?: string | null;
}

/**
 * Ids of learners whose search key and birth date equal a row's. The key is
 * computed by the same expression as the trigger's, so both sides agree on
 * case folding and ё; the caller still compares the name parts (a space may
 * sit in any of them) and the sex.
 */
export async function learnerIdsByName(tx: DbTx, rows: NameToFind[]): Promise<string[]> {
  const ids = new Set<string>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const found = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT DISTINCT l."id"
         FROM (SELECT DISTINCT translate(lower(concat_ws(' ', k.last, k.first, NULLIF(k.middle, ''))), 'ё', 'е') COLLATE "C" AS "searchName",
                      k.birth AS "birthDate", k.has_snils
                 FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::boolean[]) AS k(last, first, middle, birth, has_snils)) AS k
         JOIN "Learner" l ON l."searchName" = k."searchName" AND l."birthDate" = k."birthDate"
        WHERE NOT k.has_snils OR l."snilsIndex" IS NULL`,
      chunk.map((r) => r.lastName),
      chunk.map((r) => r.firstName),
      chunk.map((r) => r.middleName ?? null),
      chunk.map((r) => r.birthDate),
      chunk.map((r) => Boolean(r.snils)),
    );
    for (const { id } of found) ids.add(id);
  }
  return [...ids];
}
