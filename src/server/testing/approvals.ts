// The second person of the two-person rule, for tests that create accounts or
// machine clients through the admin procedures and then use them: approves as
// the demo region-level officer of the matching ministry, through the real
// procedures (so the approval is checked and audited as in production).
import { accountApprover } from "../authz/approval";
import type { Db } from "../db";
import { callerAs } from "./callers";

/** Approves the waiting request of the account `login`; fails the test if there is none. */
export async function approvePendingAccount(db: Db, login: string) {
  const request = await db.accountRequest.findFirstOrThrow({ where: { user: { login }, status: "PENDING" }, select: { id: true, role: true } });
  if (accountApprover(request.role) === "accounts.approve.health") {
    return (await callerAs(db, "health.officer")).health.approvals.approveAccount({ id: request.id });
  }
  return (await callerAs(db, "edu.officer")).ministry.approvals.approveAccount({ id: request.id });
}

/** Approves a pending machine client as the region's EDU_OFFICER. */
export async function approveClient(db: Db, clientId: string) {
  return (await callerAs(db, "edu.officer")).ministry.approvals.approveClient({ id: clientId });
}
