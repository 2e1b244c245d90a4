// Key rotation for the encrypted columns, in batches, each batch one
// transaction (so a long run never holds locks on the whole registry, and an
// interrupted run simply continues where it stopped when started again).
//   rotateDataKeys  re-encrypts every envelope whose key id is not the current
//                   (first) key of KONTINGENT_DATA_KEYS.
//   reindexSnils    recomputes every SNILS blind index with the current
//                   KONTINGENT_INDEX_KEY, from the decrypted value (so the old
//                   index key is not needed).
import type { Db } from "../db";
import { blindIndex, decryptField, encryptField } from "./field-crypto";
import { fieldKeys } from "./keys";

/** Every envelope column: table, column, and the context bound into its ciphertext. */
export const ENVELOPE_COLUMNS = [
  { table: "Learner", column: "snilsEnc", context: "Learner.snils" },
  { table: "Learner", column: "docNumberEnc", context: "Learner.docNumber" },
  { table: "Representative", column: "snilsEnc", context: "Representative.snils" },
  { table: "Representative", column: "docNumberEnc", context: "Representative.docNumber" },
  { table: "ResidentChild", column: "snilsEnc", context: "ResidentChild.snils" },
] as const;

const SNILS_TABLES = ["Learner", "Representative", "ResidentChild"] as const;

export type Progress = (message: string) => void;

/** Re-encrypts stale envelopes with the current data key; returns how many values changed. */
export async function rotateDataKeys(db: Db, options: { batchSize?: number; log?: Progress } = {}): Promise<number> {
  const batchSize = options.batchSize ?? 500;
  const current = fieldKeys().currentId;
  // Names come from the constant above, never from input.
  const prefix = `v1.${current}.`;
  let total = 0;
  for (const { table, column, context } of ENVELOPE_COLUMNS) {
    for (;;) {
      const done = await db.$transaction(async (tx) => {
        const rows = await tx.$queryRawUnsafe<{ id: string; value: string }[]>(
          `SELECT "id"::text AS id, "${column}" AS value FROM "${table}"
           WHERE "${column}" IS NOT NULL AND left("${column}", $1) <> $2
           ORDER BY "id" LIMIT $3 FOR UPDATE`,
          prefix.length,
          prefix,
          batchSize,
        );
        for (const { id, value } of rows) {
          const fresh = encryptField(decryptField(value, context), context);
          await tx.$executeRawUnsafe(`UPDATE "${table}" SET "${column}" = $1 WHERE "id" = $2::uuid`, fresh, id);
        }
        return rows.length;
      });
      total += done;
      if (done > 0) options.log?.(`${table}.${column}: ${done} re-encrypted with key "${current}"`);
      if (done < batchSize) break;
    }
  }
  return total;
}

/** Recomputes every SNILS blind index with the current index key; returns the rows visited. */
export async function reindexSnils(db: Db, options: { batchSize?: number; log?: Progress } = {}): Promise<number> {
  const batchSize = options.batchSize ?? 500;
  let total = 0;
  for (const table of SNILS_TABLES) {
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const rows = await db.$transaction(async (tx) => {
        const batch = await tx.$queryRawUnsafe<{ id: string; value: string }[]>(
          `SELECT "id"::text AS id, "snilsEnc" AS value FROM "${table}"
           WHERE "snilsEnc" IS NOT NULL AND "id" > $1::uuid ORDER BY "id" LIMIT $2 FOR UPDATE`,
          after,
          batchSize,
        );
        for (const { id, value } of batch) {
          const index = blindIndex("snils", decryptField(value, `${table}.snils`));
          await tx.$executeRawUnsafe(`UPDATE "${table}" SET "snilsIndex" = $1 WHERE "id" = $2::uuid`, index, id);
        }
        return batch;
      });
      total += rows.length;
      if (rows.length > 0) options.log?.(`${table}.snilsIndex: ${total} reindexed`);
      if (rows.length < batchSize) break;
      after = rows[rows.length - 1]!.id;
    }
  }
  return total;
}

/** Key ids found in the envelope columns, with counts (for the tool's report). */
export async function envelopeKeyCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { table, column } of ENVELOPE_COLUMNS) {
    const rows = await db.$queryRawUnsafe<{ key: string; n: number }[]>(
      `SELECT split_part("${column}", '.', 2) AS key, count(*)::int AS n FROM "${table}" WHERE "${column}" IS NOT NULL GROUP BY 1`,
    );
    for (const { key, n } of rows) counts[key] = (counts[key] ?? 0) + n;
  }
  return counts;
}
