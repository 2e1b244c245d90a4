// Finishing the move to encrypted identity fields on a database that held
// plaintext before it: the migration "encrypt_identity_fields" parked such
// values in "PendingIdentityEncryption" (SQL cannot encrypt: the keys live in
// the application). This encrypts them into the new columns in batches, one
// transaction each, and drops the table when it is empty. `npm start` runs it
// after migrating; `npm run keys:encrypt-existing` runs it on its own.
import type { Db } from "../../db";
import { encryptIdentity, type IdentityModel } from "../person/identity-fields";

const TABLE = "PendingIdentityEncryption";

type PendingRow = { model: IdentityModel; id: string; snils: string | null; docNumber: string | null };

async function pendingTableExists(db: Db): Promise<boolean> {
  const [row] = await db.$queryRawUnsafe<{ exists: boolean }[]>(`SELECT to_regclass('"${TABLE}"') IS NOT NULL AS exists`);
  return Boolean(row?.exists);
}

/** Returns the number of rows encrypted (0 when there was nothing pending). */
export async function encryptPendingIdentities(db: Db, options: { batchSize?: number; log?: (m: string) => void } = {}): Promise<number> {
  if (!(await pendingTableExists(db))) return 0;
  const batchSize = options.batchSize ?? 500;
  let total = 0;
  for (;;) {
    const done = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRawUnsafe<PendingRow[]>(
        `SELECT "model", "id"::text AS id, "snils", "docNumber" FROM "${TABLE}" ORDER BY "model", "id" LIMIT $1 FOR UPDATE`,
        batchSize,
      );
      for (const row of rows) {
        // Only the values the old row had: an empty document number stays NULL.
        const plain = { ...(row.snils ? { snils: row.snils.trim() } : {}), ...(row.docNumber ? { docNumber: row.docNumber } : {}) };
        const data = encryptIdentity(row.model, plain) as never;
        if (row.model === "Learner") await tx.learner.update({ where: { id: row.id }, data });
        else await tx.representative.update({ where: { id: row.id }, data });
        await tx.$executeRawUnsafe(`DELETE FROM "${TABLE}" WHERE "model" = $1 AND "id" = $2::uuid`, row.model, row.id);
      }
      return rows.length;
    });
    total += done;
    if (done > 0) options.log?.(`Encrypted identity fields of ${total} row(s)`);
    if (done < batchSize) break;
  }
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS "${TABLE}"`);
  return total;
}
