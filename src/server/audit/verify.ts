// Walks the audit chain from the first row and reports the first broken link:
// a row whose stored prevHash is not its predecessor's hash, or whose stored
// hash does not match its content.
import type { DbTx } from "../db";
import type { AuditEvent } from "../generated/prisma/client";
import { auditHash, GENESIS_HASH } from "./hash";

export type ChainVerification =
  | { ok: true; checked: number; lastId: string | null }
  | { ok: false; checked: number; brokenAtId: string; reason: "content" | "link" };

const BATCH = 2000;

export async function verifyAuditChain(db: DbTx): Promise<ChainVerification> {
  let expectedPrev = GENESIS_HASH;
  let cursor: bigint | null = null;
  let checked = 0;
  let lastId: bigint | null = null;
  for (;;) {
    const rows: AuditEvent[] = await db.auditEvent.findMany({
      where: cursor === null ? {} : { id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    for (const row of rows) {
      if (row.prevHash !== expectedPrev) {
        return { ok: false, checked, brokenAtId: row.id.toString(), reason: "link" };
      }
      if (auditHash(row.prevHash, row) !== row.hash) {
        return { ok: false, checked, brokenAtId: row.id.toString(), reason: "content" };
      }
      expectedPrev = row.hash;
      lastId = row.id;
      checked += 1;
    }
    if (rows.length < BATCH) break;
    cursor = rows[rows.length - 1]!.id;
  }
  return { ok: true, checked, lastId: lastId?.toString() ?? null };
}
