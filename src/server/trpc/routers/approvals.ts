// «Заявки на доступ»: the second person of the two-person rule. The ministry
// portal approves machine clients and school/education accounts, the health
// portal health accounts. The capability gate is here (access matrix); the
// region-level scope, "not the requester" and which ministry a request needs
// are checked by the services, which see the request.
import { z } from "zod";
import { ZIdInput } from "@/lib/schemas/ids";
import { decideAccount, listPendingAccounts, ZAccountDecision, ZPendingAccount } from "../../services/approvals/account-approvals";
import { decideClient, listPendingClients, ZClientDecision, ZPendingClient } from "../../services/approvals/client-approvals";
import { capabilityProcedure, router } from "../init";

function accountProcedures(capability: "accounts.approve.education" | "accounts.approve.health") {
  const approver = capabilityProcedure(capability);
  return {
    accounts: approver.output(z.array(ZPendingAccount)).query(({ ctx }) => listPendingAccounts(ctx.db, ctx.actor, capability)),
    approveAccount: approver
      .input(ZIdInput)
      .output(ZAccountDecision)
      .mutation(({ ctx, input }) => decideAccount(ctx.db, ctx.actor, input.id, "approve", ctx.ip)),
    rejectAccount: approver
      .input(ZIdInput)
      .output(ZAccountDecision)
      .mutation(({ ctx, input }) => decideAccount(ctx.db, ctx.actor, input.id, "reject", ctx.ip)),
  };
}

const clientApprover = capabilityProcedure("apiClients.approve");

export const ministryApprovalsRouter = router({
  clients: clientApprover.output(z.array(ZPendingClient)).query(({ ctx }) => listPendingClients(ctx.db, ctx.actor)),
  approveClient: clientApprover
    .input(ZIdInput)
    .output(ZClientDecision)
    .mutation(({ ctx, input }) => decideClient(ctx.db, ctx.actor, input.id, "approve", ctx.ip)),
  rejectClient: clientApprover
    .input(ZIdInput)
    .output(ZClientDecision)
    .mutation(({ ctx, input }) => decideClient(ctx.db, ctx.actor, input.id, "reject", ctx.ip)),
  ...accountProcedures("accounts.approve.education"),
});

export const healthApprovalsRouter = router(accountProcedures("accounts.approve.health"));
