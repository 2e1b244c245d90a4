// What the audit-chain verifier knows besides the chain itself: the signed
// checkpoints (anchor.ts), the signed runs and the auditors' signed
// acknowledgements of breaks. A break a run reported stays open (every later
// run reports it) until an auditor acknowledges that run; what an
// acknowledgement accepts is exactly the break it names:
//   content / link / learners at a row — the walk accepts that row as it is;
//   missing / anchor at a checkpoint — that checkpoint and older ones no longer anchor;
//   forged — that one checkpoint, run or acknowledgement is no longer reported.
// Rows whose signature does not verify are never trusted, and are reported.
import { randomUUID } from "node:crypto";
import type { AuditBreakAcknowledgement, AuditVerificationRun } from "../../generated/prisma/client";
import { checkpointSignatureOk, lastCheckpointInFile, readCheckpoints, signatureOk, signRow, type Checkpoint } from "../../audit/anchor";
import { toleranceKey, WALK_REASONS, type ChainVerification } from "../../audit/verify";
import type { DbTx } from "../../db";

type RunRow = AuditVerificationRun;
type AckRow = AuditBreakAcknowledgement;

const runFields = (r: Omit<RunRow, "mac">) => [
  r.id, r.startedAt, r.finishedAt, r.trigger, r.full, r.actorLogin, r.rowsChecked, r.ok,
  r.lastId, r.lastHash, r.brokenAtId, r.brokenReason, r.brokenRef, r.error,
];
const ackFields = (a: Omit<AckRow, "mac">) => [a.id, a.acknowledgedAt, a.runId, a.actorLogin, a.brokenAtId, a.brokenReason, a.brokenRef, a.reason];

/** Runs written before signing have no signature: shown, never trusted, not reported. */
export const runSignatureOk = (run: RunRow) => signatureOk(run.mac, "run", runFields(run));
export const ackSignatureOk = (ack: AckRow) => signatureOk(ack.mac, "ack", ackFields(ack));

export function signRun(run: Omit<RunRow, "mac">): RunRow {
  return { ...run, mac: signRow("run", runFields(run)) };
}

export function signAck(ack: Omit<AckRow, "id" | "mac">): AckRow {
  const row = { id: randomUUID(), ...ack };
  return { ...row, mac: signRow("ack", ackFields(row)) };
}

export interface ChainState {
  /** Valid checkpoints that still anchor (not superseded by an acknowledgement), oldest first. */
  checkpoints: Checkpoint[];
  /** Walk breaks acknowledged: toleranceKey(row, reason). */
  tolerated: Set<string>;
  /** The first unacknowledged forged checkpoint, run or acknowledgement. */
  forged: Extract<ChainVerification, { ok: false }> | null;
  /** The latest signed run that reported a break no acknowledgement answered. */
  openBreak: RunRow | null;
}

const checkpointIdOf = (ref: string | null) => (ref?.startsWith("checkpoint:") ? BigInt(ref.slice("checkpoint:".length)) : null);

export async function loadChainState(db: DbTx): Promise<ChainState> {
  const [runs, acks, dbCheckpoints] = await Promise.all([
    db.auditVerificationRun.findMany({ orderBy: { startedAt: "asc" } }),
    db.auditBreakAcknowledgement.findMany({ orderBy: { acknowledgedAt: "asc" } }),
    readCheckpoints(db),
  ]);
  const validAcks = acks.filter(ackSignatureOk);
  const accepted = new Set(validAcks.filter((a) => a.brokenReason === "forged").map((a) => a.brokenRef));
  const tolerated = new Set(
    validAcks.filter((a) => a.brokenAtId !== null && (WALK_REASONS as readonly string[]).includes(a.brokenReason)).map((a) => toleranceKey(a.brokenAtId!, a.brokenReason)),
  );
  let cutoff = -1n;
  for (const a of validAcks) {
    const id = a.brokenReason === "missing" || a.brokenReason === "anchor" ? checkpointIdOf(a.brokenRef) : null;
    if (id !== null && id > cutoff) cutoff = id;
  }

  const fromFile = lastCheckpointInFile();
  const all = fromFile && !dbCheckpoints.some((c) => c.id === fromFile.id) ? [...dbCheckpoints, { ...fromFile, fromFile: true }] : dbCheckpoints;
  const forgedRefs: { ref: string; auditId: bigint | null }[] = [];
  const checkpoints: Checkpoint[] = [];
  for (const c of all) {
    const ref = "fromFile" in c ? `file:${c.id}` : `checkpoint:${c.id}`;
    if (!checkpointSignatureOk(c)) forgedRefs.push({ ref, auditId: c.auditId });
    else if (c.id > cutoff) checkpoints.push(c);
  }
  checkpoints.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const r of runs) if (r.mac !== null && !runSignatureOk(r)) forgedRefs.push({ ref: `run:${r.id}`, auditId: r.brokenAtId ?? r.lastId });
  for (const a of acks) if (!ackSignatureOk(a)) forgedRefs.push({ ref: `ack:${a.id}`, auditId: a.brokenAtId });
  const firstForged = forgedRefs.find((f) => !accepted.has(f.ref));
  const forged = firstForged ? { ok: false as const, checked: 0, brokenAtId: firstForged.auditId?.toString() ?? null, reason: "forged" as const, ref: firstForged.ref } : null;

  // Acknowledgements answer the latest open break only (acknowledgeBreak checks), so
  // any broken run started before the newest acknowledgement is answered.
  const lastAckAt = validAcks.at(-1)?.acknowledgedAt ?? null;
  const openBreak =
    runs.filter((r) => r.mac !== null && r.ok === false && r.brokenReason !== null && runSignatureOk(r) && (!lastAckAt || r.startedAt > lastAckAt)).at(-1) ?? null;
  return { checkpoints, tolerated, forged, openBreak };
}

/** The latest signed run, or the latest run at all when none is signed yet (a database from before signing). */
export async function latestTrustedRun(db: DbTx): Promise<RunRow | null> {
  const recent = await db.auditVerificationRun.findMany({ orderBy: { startedAt: "desc" }, take: 50 });
  return recent.find(runSignatureOk) ?? (recent.some((r) => r.mac !== null) ? null : (recent[0] ?? null));
}
