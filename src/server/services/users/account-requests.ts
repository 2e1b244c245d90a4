// The requesting half of the two-person rule for accounts: which edits by a
// SYSTEM_ADMIN need a second person, and the pending-request rows that hold
// the requested role and scope until then (the account keeps its effective
// ones). The approving half is ../approvals/account-approvals.ts.
import type { Role, ScopeKind } from "../../authz/matrix";
import { accountApprover } from "../../authz/approval";
import type { DbTx } from "../../db";

export interface AccessColumns {
  role: Role;
  scopeKind: ScopeKind;
  municipalityId: string | null;
  organisationId: string | null;
}

export const ACCESS_KEYS = ["role", "scopeKind", "municipalityId", "organisationId"] as const;

/** Names of the role and scope columns that differ. */
export function accessChanges(before: AccessColumns, next: AccessColumns): (typeof ACCESS_KEYS)[number][] {
  return ACCESS_KEYS.filter((key) => before[key] !== next[key]);
}

/**
 * A change needs approval when it lands on a data role and changes the role
 * or the scope at all: telling a real narrowing from a widening between data
 * roles is error-prone, and an urgent narrowing has deactivation, which
 * takes effect at once. A move to a role without data takes effect at once.
 */
export function changeNeedsApproval(before: AccessColumns, next: AccessColumns): boolean {
  return accountApprover(next.role) !== null && accessChanges(before, next).length > 0;
}

/** Marks the account's waiting request (if any) as superseded by `actorId`; returns its id. */
export async function supersedePending(tx: DbTx, userId: string, actorId: string): Promise<string | null> {
  const pending = await tx.accountRequest.findFirst({ where: { userId, status: "PENDING" }, select: { id: true } });
  if (!pending) return null;
  await tx.accountRequest.update({ where: { id: pending.id }, data: { status: "SUPERSEDED", decidedById: actorId, decidedAt: new Date() } });
  return pending.id;
}

/** Opens the account's one waiting request (a previous one is superseded first). */
export async function openRequest(
  tx: DbTx,
  actor: { id: string; scope: { regionId: string } },
  userId: string,
  kind: "CREATE" | "CHANGE" | "RESET",
  access: AccessColumns,
): Promise<{ id: string; superseded: string | null }> {
  const superseded = await supersedePending(tx, userId, actor.id);
  const row = await tx.accountRequest.create({
    data: { userId, regionId: actor.scope.regionId, kind, ...access, requestedById: actor.id },
    select: { id: true },
  });
  return { id: row.id, superseded };
}
