// Audit-chain verification runs. The status and history are shown to the
// auditor and to the system administrator (who runs the servers and must see
// a failure); starting a run is the auditor's.
import { z } from "zod";
import { ZAcknowledgeInput, ZListVerificationRunsInput, ZVerifyChainInput } from "@/lib/schemas/verification";
import { acknowledgeBreak } from "../../../services/audit/acknowledgements";
import { listVerificationRuns, verifyChainAs, ZVerificationRun } from "../../../services/audit/verification-runs";
import { conflict } from "../../../errors";
import { capabilityProcedure, router } from "../../init";

export const verificationRouter = router({
  runs: capabilityProcedure("auditVerification.read")
    .input(ZListVerificationRunsInput)
    .output(
      z.object({
        total: z.number(),
        latest: ZVerificationRun.nullable(),
        lastFailure: ZVerificationRun.nullable(),
        openBreak: ZVerificationRun.nullable(),
        lastAcknowledgement: z.object({ at: z.date(), actorLogin: z.string().nullable(), reason: z.string(), runId: z.string() }).nullable(),
        rows: z.array(ZVerificationRun),
      }),
    )
    .query(({ ctx, input }) => listVerificationRuns(ctx.db, input)),
  run: capabilityProcedure("audit.read")
    .input(ZVerifyChainInput)
    .output(ZVerificationRun)
    .mutation(async ({ ctx, input }) => {
      const outcome = await verifyChainAs(ctx.db, ctx.actor, ctx.ip, input.full);
      if (outcome.status === "busy") throw conflict("Проверка уже выполняется другим процессом, повторите позже");
      return outcome.run;
    }),
  // The auditor accepts the break the latest run reported, with a reason (audited).
  acknowledge: capabilityProcedure("audit.read")
    .input(ZAcknowledgeInput)
    .output(z.object({ id: z.string(), acknowledgedAt: z.date(), runId: z.string() }))
    .mutation(({ ctx, input }) => acknowledgeBreak(ctx.db, ctx.actor, ctx.ip, input)),
});
