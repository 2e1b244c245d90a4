// Runs of the audit-chain verifier, kept in AuditVerificationRun so the admin
// portal can show the last result and the history. One run at a time across
// all server instances and cron jobs: a PostgreSQL advisory lock of its own
// (locks.ts), held by the run's transaction; a second caller is told the run
// is busy. Appends and the dashboards' summary flush do not wait for it.
// Each successful run writes a signed checkpoint (anchor.ts); an incremental
// run starts at the latest one, and a reported break stays reported until an
// auditor acknowledges it (chain-state.ts, acknowledgements.ts).
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { AuditVerificationRun, AuditVerificationTrigger } from "../../generated/prisma/client";
import { appendCheckpointToFile, writeCheckpoint, type Checkpoint } from "../../audit/anchor";
import { auditActorOf, recordAudit, type AuditActor } from "../../audit/recorder";
import { checkAgainstCheckpoint, verifyAuditChain, type ChainStart, type ChainVerification } from "../../audit/verify";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db";
import { lockKey } from "../../db/locks";
import { latestTrustedRun, loadChainState, runSignatureOk, signRun } from "./chain-state";

const VERIFY_LOCK = lockKey("auditVerify");
/** A scheduled run re-walks the whole chain when the last full run is older than this. */
export const FULL_RUN_EVERY_MS = 24 * 3_600_000;
/** Long chains take a while; the default 5 s interactive-transaction limit would cut the run short. */
const RUN_TIMEOUT_MS = 30 * 60_000;

export const ZVerificationRun = z.object({
  id: z.string(),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
  trigger: z.enum(["SCHEDULE", "MANUAL", "CLI"]),
  full: z.boolean(),
  actorLogin: z.string().nullable(),
  rowsChecked: z.number(),
  ok: z.boolean().nullable(),
  lastId: z.string().nullable(),
  brokenAtId: z.string().nullable(),
  brokenReason: z.string().nullable(),
  brokenRef: z.string().nullable(),
  error: z.string().nullable(),
  /** false: the row's signature does not verify (edited or inserted behind the application's back). */
  signed: z.boolean(),
});
export type VerificationRun = z.infer<typeof ZVerificationRun>;

export type RunOutcome = { status: "done"; run: VerificationRun; result: ChainVerification | null } | { status: "busy" };

export interface RunOptions {
  trigger: AuditVerificationTrigger;
  /** true: from the first row; false: from the latest checkpoint; "auto": full once a day. */
  full: boolean | "auto";
  actor?: AuditActor;
}

export function toView(run: AuditVerificationRun): VerificationRun {
  const { mac: _mac, lastHash: _hash, ...rest } = run;
  return { ...rest, lastId: run.lastId?.toString() ?? null, brokenAtId: run.brokenAtId?.toString() ?? null, signed: runSignatureOk(run) };
}

type Broken = Extract<ChainVerification, { ok: false }>;

export async function runAuditVerification(db: Db, options: RunOptions): Promise<RunOutcome> {
  let checkpoint: Checkpoint | null = null;
  const outcome = await db.$transaction(
    async (tx) => {
      const [{ locked }] = await tx.$queryRaw<[{ locked: boolean }]>`SELECT pg_try_advisory_xact_lock(${VERIFY_LOCK}::bigint) AS locked`;
      if (!locked) return { status: "busy" as const };
      const state = await loadChainState(tx);
      let full = options.full;
      if (full === "auto") {
        // Only a signed run counts: an inserted "full run" must not postpone the real one.
        const fulls = await tx.auditVerificationRun.findMany({ where: { full: true, ok: { not: null } }, orderBy: { startedAt: "desc" }, take: 20 });
        const lastFull = fulls.find(runSignatureOk);
        full = !lastFull || Date.now() - lastFull.startedAt.getTime() > FULL_RUN_EVERY_MS;
      }
      // An open break: start before it, so the walk meets it again instead of passing it.
      const before = state.openBreak?.brokenAtId ?? null;
      const from = full ? undefined : state.checkpoints.filter((c) => before === null || c.auditId < before).at(-1);
      const start: ChainStart | undefined = from ? { afterId: from.auditId, hash: from.hash } : undefined;
      const anchor = state.checkpoints.at(-1);
      const startedAt = new Date();
      let result: ChainVerification | null = null;
      let error: string | null = null;
      try {
        result =
          (from ? await checkAgainstCheckpoint(tx, from) : null) ??
          (await verifyAuditChain(tx, start, state.tolerated));
        if (result.ok && anchor) result = (await checkAgainstCheckpoint(tx, anchor)) ?? result;
        if (result.ok && state.forged) result = state.forged;
      } catch (e) {
        error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
      }
      // Nothing broken now, but a break is still unacknowledged: it stays reported.
      const open = state.openBreak;
      const broken: Broken | null =
        result && !result.ok ? result
        : result && open ? { ok: false, checked: result.checked, brokenAtId: open.brokenAtId?.toString() ?? null, reason: open.brokenReason as Broken["reason"], ref: open.brokenRef ?? undefined }
        : null;
      const good = result?.ok && !broken ? result : null;
      const run = signRun({
        id: randomUUID(),
        startedAt,
        finishedAt: new Date(),
        trigger: options.trigger,
        full: start === undefined,
        actorLogin: options.actor?.login ?? null,
        rowsChecked: result?.checked ?? 0,
        ok: good !== null,
        lastId: good ? (good.lastId === null ? null : BigInt(good.lastId)) : (from?.auditId ?? null),
        lastHash: good ? good.lastHash : (from?.hash ?? null),
        brokenAtId: broken?.brokenAtId == null ? null : BigInt(broken.brokenAtId),
        brokenReason: broken?.reason ?? null,
        brokenRef: broken?.ref ?? null,
        error,
      });
      await tx.auditVerificationRun.create({ data: run });
      if (good?.lastId) checkpoint = await writeCheckpoint(tx, BigInt(good.lastId), good.lastHash, run.id);
      // The record of the run is itself a new link, checked by the next run.
      await recordAudit(tx, options.actor ?? { id: null, login: null, role: null, ip: null }, {
        action: "audit.chain.verify",
        outcome: good ? "SUCCESS" : "FAILURE",
        entityType: "AuditVerificationRun",
        entityId: run.id,
        details: {
          trigger: options.trigger, full: run.full, checked: run.rowsChecked,
          ...(broken ? { brokenAtId: broken.brokenAtId, reason: broken.reason, ...(broken.ref ? { ref: broken.ref } : {}) } : {}),
          ...(error ? { error } : {}),
        },
      });
      return { status: "done" as const, run: toView(run), result: broken ?? result };
    },
    { timeout: RUN_TIMEOUT_MS, maxWait: 10_000 },
  );
  // After commit: a line for a checkpoint that was rolled back would anchor nothing real.
  if (checkpoint) appendCheckpointToFile(checkpoint);
  return outcome;
}

/** The auditor's "verify now" button: a full run, recorded like a scheduled one. */
export function verifyChainAs(db: Db, actor: Actor, ip: string | null, full: boolean) {
  return runAuditVerification(db, { trigger: "MANUAL", full, actor: auditActorOf(actor, ip) });
}

export async function listVerificationRuns(db: Db, input: { page: number; pageSize: number }) {
  const [total, rows, lastFailure, latest, state, lastAck] = await Promise.all([
    db.auditVerificationRun.count(),
    db.auditVerificationRun.findMany({ orderBy: { startedAt: "desc" }, skip: input.page * input.pageSize, take: input.pageSize }),
    db.auditVerificationRun.findFirst({ where: { ok: false }, orderBy: { startedAt: "desc" } }),
    latestTrustedRun(db),
    loadChainState(db),
    db.auditBreakAcknowledgement.findFirst({ orderBy: { acknowledgedAt: "desc" } }),
  ]);
  return {
    total,
    latest: latest ? toView(latest) : null,
    lastFailure: lastFailure ? toView(lastFailure) : null,
    /** The break the auditor must acknowledge; null when none is open. */
    openBreak: state.openBreak ? toView(state.openBreak) : null,
    lastAcknowledgement: lastAck
      ? { at: lastAck.acknowledgedAt, actorLogin: lastAck.actorLogin, reason: lastAck.reason, runId: lastAck.runId }
      : null,
    rows: rows.map(toView),
  };
}

/** The latest trustworthy run, for the admin portal's failure banner. */
export async function latestVerificationRun(db: Db): Promise<VerificationRun | null> {
  const run = await latestTrustedRun(db);
  return run ? toView(run) : null;
}
