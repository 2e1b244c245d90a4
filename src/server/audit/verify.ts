// Walks the audit chain and reports the first broken link: a row whose stored
// prevHash is not its predecessor's hash, whose stored hash does not match its
// content, or whose learner links (AuditEventLearner) no longer match the
// digest the row recorded. Starts at the first row, or after a row already
// known good (incremental verification). Checkpoints (anchor.ts) are compared
// by the verification run (services/audit/verification-runs.ts).
import type { DbTx } from "../db";
import type { AuditEvent } from "../generated/prisma/client";
import { auditHash, GENESIS_HASH, learnerSetDigest } from "./hash";

/**
 * Why a chain is broken. Walk: content, link, learners. Against a checkpoint
 * (src/server/audit/anchor.ts): missing — rows the checkpoint covered are gone
 * (its row is absent: the tail was cut); anchor — its row has another hash
 * (the chain was recomputed); forged — a checkpoint, run or acknowledgement
 * whose signature does not verify (`ref` names it).
 */
export type BreakReason = "content" | "link" | "learners" | "missing" | "anchor" | "forged";
export const WALK_REASONS = ["content", "link", "learners"] as const;

export type ChainVerification =
  | { ok: true; checked: number; lastId: string | null; lastHash: string }
  | { ok: false; checked: number; brokenAtId: string | null; reason: BreakReason; ref?: string };

/** A break an auditor acknowledged: the walk accepts this row as it is. */
export const toleranceKey = (id: bigint | string, reason: string) => `${id}:${reason}`;

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

export async function verifyAuditChain(db: DbTx, start?: ChainStart, tolerate: ReadonlySet<string> = new Set()): Promise<ChainVerification> {
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
      const set = recordedLearnerSet(row.details);
      const reason =
        row.prevHash !== expectedPrev ? "link"
        : auditHash(row.prevHash, row) !== row.hash ? "content"
        : set && learnerSetDigest(links.get(row.id) ?? []) !== set.sha256 ? "learners"
        : null;
      // An acknowledged break is accepted as it stands: the next row must link to this one's stored hash.
      if (reason && !tolerate.has(toleranceKey(row.id, reason))) {
        return { ok: false, checked, brokenAtId: row.id.toString(), reason };
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

/** The chain still reaches the checkpoint's row with the checkpoint's hash. */
export async function checkAgainstCheckpoint(
  db: DbTx,
  checkpoint: { id: bigint; auditId: bigint; hash: string },
): Promise<Extract<ChainVerification, { ok: false }> | null> {
  const row = await db.auditEvent.findUnique({ where: { id: checkpoint.auditId }, select: { hash: true } });
  const ref = `checkpoint:${checkpoint.id}`;
  if (!row) return { ok: false, checked: 0, brokenAtId: checkpoint.auditId.toString(), reason: "missing", ref };
  if (row.hash !== checkpoint.hash) return { ok: false, checked: 0, brokenAtId: checkpoint.auditId.toString(), reason: "anchor", ref };
  return null;
}
