import { z } from "zod";
import { ZListAuditInput } from "@/lib/schemas/audit";
import { conflict } from "../../../errors";
import { listAuditEvents, ZAuditRow } from "../../../services/audit/browse-audit";
import { verifyChainAs } from "../../../services/audit/verification-runs";
import { capabilityProcedure, router } from "../../init";

const audit = capabilityProcedure("audit.read");

export const auditRouter = router({
  // A query that writes its own audit row: reading the log is audited too.
  list: audit
    .input(ZListAuditInput)
    .output(z.object({ total: z.number(), rows: z.array(ZAuditRow) }))
    .query(({ ctx, input }) => listAuditEvents(ctx.db, ctx.actor, input, ctx.ip)),
  // A full run, kept in the verification history like a scheduled one.
  verifyChain: audit
    .output(
      z.discriminatedUnion("ok", [
        z.object({ ok: z.literal(true), checked: z.number(), lastId: z.string().nullable() }),
        z.object({
          ok: z.literal(false),
          checked: z.number(),
          brokenAtId: z.string().nullable(),
          reason: z.enum(["content", "link", "learners", "missing", "anchor", "forged"]),
          ref: z.string().optional(),
        }),
      ]),
    )
    .mutation(async ({ ctx }) => {
      const outcome = await verifyChainAs(ctx.db, ctx.actor, ctx.ip, true);
      if (outcome.status === "busy") throw conflict("Проверка уже выполняется другим процессом, повторите позже");
      const { result, run } = outcome;
      if (!result) throw new Error(run.error ?? "verification failed");
      return result.ok ? { ok: true as const, checked: result.checked, lastId: result.lastId } : result;
    }),
});
