import { z } from "zod";
import { ZListAuditInput } from "@/lib/schemas/audit";
import { listAuditEvents, runChainVerification, ZAuditRow } from "../../../services/audit/browse-audit";
import { capabilityProcedure, router } from "../../init";

const audit = capabilityProcedure("audit.read");

export const auditRouter = router({
  // A query that writes its own audit row: reading the log is audited too.
  list: audit
    .input(ZListAuditInput)
    .output(z.object({ total: z.number(), actions: z.array(z.string()), rows: z.array(ZAuditRow) }))
    .query(({ ctx, input }) => listAuditEvents(ctx.db, ctx.actor, input, ctx.ip)),
  verifyChain: audit
    .output(
      z.discriminatedUnion("ok", [
        z.object({ ok: z.literal(true), checked: z.number(), lastId: z.string().nullable() }),
        z.object({ ok: z.literal(false), checked: z.number(), brokenAtId: z.string(), reason: z.enum(["content", "link"]) }),
      ]),
    )
    .mutation(({ ctx }) => runChainVerification(ctx.db, ctx.actor, ctx.ip)),
});
