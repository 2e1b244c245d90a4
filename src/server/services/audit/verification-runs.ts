// Runs of the audit-chain verifier, kept in AuditVerificationRun so the admin
// portal can show the last result and the history. One run at a time across
// all server instances and cron jobs: a PostgreSQL advisory lock held by the
// run's transaction; a second caller is told the run is busy.
import { z } from "zod";
import type { AuditVerificationTrigger } from "../../generated/prisma/client";
import { auditActorOf, recordAudit, type AuditActor } from "../../audit/recorder";
import { verifyAuditChain, type ChainStart, type ChainVerification } from "../../audit/verify";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db";

/** Distinct from the recorder's chain lock: verifying must not block appends. */
const VERIFY_LOCK = 7_243_002;
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
  error: z.string().nullable(),
});
export type VerificationRun = z.infer<typeof ZVerificationRun>;

export type RunOutcome = { status: "done"; run: VerificationRun; result: ChainVerification | null } | { status: "busy" };

export interface RunOptions {
  trigger: AuditVerificationTrigger;
  /** true: from the first row; false: after the last row a successful run verified; "auto": full once a day. */
  full: boolean | "auto";
  actor?: AuditActor;
}

function toView(run: {
  id: string;
  startedAt: Date;
  finishedAt: Date | null;
  trigger: AuditVerificationTrigger;
  full: boolean;
  actorLogin: string | null;
  rowsChecked: number;
  ok: boolean | null;
  lastId: bigint | null;
  brokenAtId: bigint | null;
  brokenReason: string | null;
  error: string | null;
}): VerificationRun {
  return { ...run, lastId: run.lastId?.toString() ?? null, brokenAtId: run.brokenAtId?.toString() ?? null };
}

export async function runAuditVerification(db: Db, options: RunOptions): Promise<RunOutcome> {
  return db.$transaction(
    async (tx) => {
      const [{ locked }] = await tx.$queryRaw<[{ locked: boolean }]>`SELECT pg_try_advisory_xact_lock(${VERIFY_LOCK}::bigint) AS locked`;
      if (!locked) return { status: "busy" as const };
      const lastGood = await tx.auditVerificationRun.findFirst({
        where: { ok: true, lastId: { not: null } },
        orderBy: { startedAt: "desc" },
      });
      let full = options.full;
      if (full === "auto") {
        const lastFull = await tx.auditVerificationRun.findFirst({ where: { full: true, ok: { not: null } }, orderBy: { startedAt: "desc" } });
        full = !lastFull || Date.now() - lastFull.startedAt.getTime() > FULL_RUN_EVERY_MS;
      }
      const start: ChainStart | undefined =
        !full && lastGood?.lastId != null && lastGood.lastHash ? { afterId: lastGood.lastId, hash: lastGood.lastHash } : undefined;
      const startedAt = new Date();
      let result: ChainVerification | null = null;
      let error: string | null = null;
      try {
        result = await verifyAuditChain(tx, start);
      } catch (e) {
        error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
      }
      const run = await tx.auditVerificationRun.create({
        data: {
          startedAt,
          finishedAt: new Date(),
          trigger: options.trigger,
          full: start === undefined,
          actorLogin: options.actor?.login ?? null,
          rowsChecked: result?.checked ?? 0,
          ok: result ? result.ok : false,
          lastId: result?.ok ? (result.lastId === null ? null : BigInt(result.lastId)) : (lastGood?.lastId ?? null),
          lastHash: result?.ok ? result.lastHash : (lastGood?.lastHash ?? null),
          brokenAtId: result && !result.ok ? BigInt(result.brokenAtId) : null,
          brokenReason: result && !result.ok ? result.reason : null,
          error,
        },
      });
      // The record of the run is itself a new link, checked by the next run.
      await recordAudit(tx, options.actor ?? { id: null, login: null, role: null, ip: null }, {
        action: "audit.chain.verify",
        outcome: result?.ok ? "SUCCESS" : "FAILURE",
        entityType: "AuditVerificationRun",
        entityId: run.id,
        details: { trigger: options.trigger, full: run.full, checked: run.rowsChecked, ...(result && !result.ok ? { brokenAtId: result.brokenAtId, reason: result.reason } : {}), ...(error ? { error } : {}) },
      });
      return { status: "done" as const, run: toView(run), result };
    },
    { timeout: RUN_TIMEOUT_MS, maxWait: 10_000 },
  );
}

/** The auditor's "verify now" button: a full run, recorded like a scheduled one. */
export function verifyChainAs(db: Db, actor: Actor, ip: string | null, full: boolean) {
  return runAuditVerification(db, { trigger: "MANUAL", full, actor: auditActorOf(actor, ip) });
}

export async function listVerificationRuns(db: Db, input: { page: number; pageSize: number }) {
  const [total, rows, lastFailure] = await Promise.all([
    db.auditVerificationRun.count(),
    db.auditVerificationRun.findMany({ orderBy: { startedAt: "desc" }, skip: input.page * input.pageSize, take: input.pageSize }),
    db.auditVerificationRun.findFirst({ where: { ok: false }, orderBy: { startedAt: "desc" } }),
  ]);
  const latest = input.page === 0 ? rows[0] : await db.auditVerificationRun.findFirst({ orderBy: { startedAt: "desc" } });
  return {
    total,
    latest: latest ? toView(latest) : null,
    lastFailure: lastFailure ? toView(lastFailure) : null,
    rows: rows.map(toView),
  };
}

/** The latest run, for the admin portal's failure banner. */
export async function latestVerificationRun(db: Db): Promise<VerificationRun | null> {
  const run = await db.auditVerificationRun.findFirst({ orderBy: { startedAt: "desc" } });
  return run ? toView(run) : null;
}
