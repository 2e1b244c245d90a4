// Lookups by SNILS and SNILS for output for the machine-client API: one
// equality on the blind index to find, one decryption per row to show.
import type { DbTx } from "../../db";
import { decryptIdentity, snilsWhere } from "../person/identity-fields";

/** The learner holding this SNILS (11 digits, normalised), or null. */
export async function findLearnerIdBySnils(tx: DbTx, snils: string): Promise<string | null> {
  const row = await tx.learner.findFirst({ where: snilsWhere(snils), select: { id: true } });
  return row?.id ?? null;
}

/** The legal representative holding this SNILS (11 digits, normalised), or null. */
export async function findRepresentativeIdBySnils(tx: DbTx, snils: string): Promise<string | null> {
  const row = await tx.representative.findUnique({ where: snilsWhere(snils), select: { id: true } });
  return row?.id ?? null;
}

/** SNILS of each learner for output (11 digits), by learner id; absent when none is recorded. */
export async function readLearnerSnils(tx: DbTx, learnerIds: readonly string[]): Promise<Map<string, string>> {
  if (learnerIds.length === 0) return new Map();
  const rows = await tx.learner.findMany({ where: { id: { in: [...learnerIds] } }, select: { id: true, snilsEnc: true } });
  return new Map(rows.map((r) => decryptIdentity("Learner", r)).filter((r) => r.snils !== null).map((r) => [r.id, r.snils!]));
}
