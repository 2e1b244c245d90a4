// An auditor acknowledges the break the latest run reported, with a reason.
// Until then every run reports it (chain-state.ts); after it, the break is
// accepted as it stands (and recorded: the acknowledgement is signed,
// append-only and itself an audit row, `audit.chain.acknowledge`). Taken under
// the verifier's lock, so no run is half-way while the state changes.
import type { AcknowledgeInput } from "@/lib/schemas/verification";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db";
import { lockKey } from "../../db/locks";
import { badRequest, conflict } from "../../errors";
import { loadChainState, signAck } from "./chain-state";

export async function acknowledgeBreak(db: Db, actor: Actor, ip: string | null, input: AcknowledgeInput) {
  return db.$transaction(async (tx) => {
    const [{ locked }] = await tx.$queryRaw<[{ locked: boolean }]>`SELECT pg_try_advisory_xact_lock(${lockKey("auditVerify")}::bigint) AS locked`;
    if (!locked) throw conflict("Идёт проверка целостности журнала, повторите позже");
    const { openBreak } = await loadChainState(tx);
    if (!openBreak) throw badRequest("Непризнанных нарушений целостности нет");
    if (openBreak.id !== input.runId) throw badRequest("Признать можно только нарушение, о котором сообщила последняя проверка", "runId");
    const ack = signAck({
      acknowledgedAt: new Date(),
      runId: openBreak.id,
      actorLogin: actor.login,
      brokenAtId: openBreak.brokenAtId,
      brokenReason: openBreak.brokenReason!,
      brokenRef: openBreak.brokenRef,
      reason: input.reason,
    });
    await tx.auditBreakAcknowledgement.create({ data: ack });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "audit.chain.acknowledge",
      entityType: "AuditVerificationRun",
      entityId: openBreak.id,
      details: { acknowledgementId: ack.id, brokenAtId: openBreak.brokenAtId?.toString() ?? null, reason: openBreak.brokenReason, ref: openBreak.brokenRef, text: input.reason },
    });
    return { id: ack.id, acknowledgedAt: ack.acknowledgedAt, runId: ack.runId };
  });
}
