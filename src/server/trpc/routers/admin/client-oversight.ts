// The auditor's list of machine clients (admin portal → Машинные клиенты:
// контроль): creator, approver, and what each client read. AUDITOR only.
import { z } from "zod";
import { listClientsForAudit, ZClientOversightRow } from "../../../services/machine-clients/client-oversight";
import { capabilityProcedure, router } from "../../init";

export const clientOversightRouter = router({
  // A query that writes its own audit row, as reading the audit log does.
  list: capabilityProcedure("audit.read")
    .output(z.array(ZClientOversightRow))
    .query(({ ctx }) => listClientsForAudit(ctx.db, ctx.actor, ctx.ip)),
});
