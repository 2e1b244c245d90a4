// Walks the audit chain and reports the first broken link: a row whose stored
// prevHash is not its predecessor's hash, whose stored hash does not match its
// content, or whose learner links (AuditEventLearner) no longer match the
// digest the row recorded. Starts at the first row, or after a row already
// known good (incremental verification).
import type { DbTx } from "../db";
import type { AuditEvent } from "../generated/prisma/client";
import { auditHash, GENESIS_HASH, learnerSetDigest } from "./hash";

export type ChainVerification =
  | { ok: true; checked: number; lastId: string | null; lastHash: string }
  | { ok: false; checked: number; brokenAtId: string; reason: "content" | "link" | "learners" };

/** A row already verified: the walk continues after it. */
export interface ChainStart {
  afterId: bigint;
  hash: string;
}

const BATCH = 2000;

function recordedLearnerSet(details: unknown): { sha256: string } | null {
  if (typeof details !== "object" || details === null || !("learnerSet" in details)) return null;
  const set = (details as { learnerSet?: { sha256?: unknown } }).learnerSet;
  return typeof set?.sha256 === "string" ? { sha256: set.sha256 } : null;
}

async function linkedLearners(db: DbTx, rows: AuditEvent[]): Promise<Map<bigint, string[]>> {
  const ids = rows.filter((r) => recordedLearnerSet(r.details)).map((r) => r.id);
  const byEvent = new Map<bigint, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byEvent;
  const links = await db.auditEventLearner.findMany({ where: { eventId: { in: ids } }, select: { eventId: true, learnerId: true } });
  for (const link of links) byEvent.get(link.eventId)?.push(link.learnerId);
  return byEvent;
}

export async function verifyAuditChain(db: DbTx, start?: ChainStart): Promise<ChainVerification> {
  let expectedPrev = start?.hash ?? GENESIS_HASH;
  let cursor: bigint | null = start?.afterId ?? null;
  let checked = 0;
  let lastId: bigint | null = start?.afterId ?? null;
  for (;;) {
    const rows: AuditEvent[] = await db.auditEvent.findMany({
      where: cursor === null ? {} : { id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    const links = await linkedLearners(db, rows);
    for (const row of rows) {
      if (row.prevHash !== expectedPrev) {
        return { ok: false, checked, brokenAtId: row.id.toString(), reason: "link" };
      }
      if (auditHash(row.prevHash, row) !== row.hash) {
        return { ok: false, checked, brokenAtId: row.id.toString(), reason: "content" };
      }
      const set = recordedLearnerSet(row.details);
      if (set && learnerSetDigest(links.get(row.id) ?? []) !== set.sha256) {
        return { ok: false, checked, brokenAtId: row.id.toString(), reason: "learners" };
      }
      expectedPrev = row.hash;
      lastId = row.id;
      checked += 1;
    }
    if (rows.length < BATCH) break;
    cursor = rows[rows.length - 1]!.id;
  }
  return { ok: true, checked, lastId: lastId?.toString() ?? null, lastHash: expectedPrev };
}
