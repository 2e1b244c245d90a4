// Second-person approval of accounts: a new account with a data role, or a
// change of role or scope toward one, requested by a SYSTEM_ADMIN, takes
// effect when a region-level officer of the matching ministry approves it
// (education roles: EDU_OFFICER; health roles: HEALTH_OFFICER; see
// authz/approval.ts), never the requester nor the account itself. Approval
// applies the requested role and scope and ends the account's sessions in one
// transaction, audited in it.
import { z } from "zod";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import { revokeAllSessions } from "../../auth/sessions";
import { accountApprover, rolesApprovableBy, type ApprovalCapability } from "../../authz/approval";
import { hasCapability, ROLES, SCOPE_KINDS } from "../../authz/matrix";
import { canApproveAccounts } from "../../authz/permissions";
import type { Db } from "../../db";
import { conflict, forbidden, notFound } from "../../errors";
import { resolveUserScope } from "../users/user-scope";
import { assertRegionApprover, assertRegionScope, assertSecondPerson } from "./approver";
import { peopleById } from "../users/people-by-id";

const ZPerson = z.object({ id: z.string(), login: z.string(), fullName: z.string() });
const ZAccess = z.object({ role: z.enum(ROLES), scopeKind: z.enum(SCOPE_KINDS), unitName: z.string().nullable() });

export const ZPendingAccount = z.object({
  id: z.string(),
  kind: z.enum(["CREATE", "CHANGE", "RESET"]),
  requestedAt: z.date(),
  requestedBy: ZPerson.nullable(),
  user: z.object({ id: z.string(), login: z.string(), fullName: z.string() }),
  /** In force now: null for a new account (nothing is). */
  current: ZAccess.nullable(),
  requested: ZAccess,
});
export type PendingAccount = z.infer<typeof ZPendingAccount>;

export const ZAccountDecision = z.object({ id: z.string(), login: z.string(), status: z.enum(["APPROVED", "REJECTED"]) });

const WRONG_MINISTRY: Record<ApprovalCapability, string> = {
  "accounts.approve.education": "Эту заявку подтверждает специалист Министерства образования",
  "accounts.approve.health": "Эту заявку подтверждает специалист Министерства здравоохранения",
};

/** Waiting requests of the region that `capability` approves. */
export async function listPendingAccounts(db: Db, actor: Actor, capability: ApprovalCapability): Promise<PendingAccount[]> {
  assertRegionApprover(actor, capability);
  const roles = rolesApprovableBy(actor.role).filter((role) => accountApprover(role) === capability);
  const rows = await db.accountRequest.findMany({
    where: { regionId: actor.scope.regionId, status: "PENDING", role: { in: roles } },
    select: {
      id: true, kind: true, requestedAt: true, requestedById: true, role: true, scopeKind: true, municipalityId: true, organisationId: true,
      user: { select: { id: true, login: true, fullName: true, role: true, scopeKind: true, approvedAt: true, municipality: { select: { name: true } }, organisation: { select: { shortName: true } } } },
    },
    orderBy: { requestedAt: "asc" },
  });
  const person = await peopleById(db, rows.map((r) => r.requestedById));
  const [municipalities, organisations] = await Promise.all([
    db.municipality.findMany({ where: { id: { in: rows.flatMap((r) => (r.municipalityId ? [r.municipalityId] : [])) } }, select: { id: true, name: true } }),
    db.organisation.findMany({ where: { id: { in: rows.flatMap((r) => (r.organisationId ? [r.organisationId] : [])) } }, select: { id: true, shortName: true } }),
  ]);
  const unit = new Map([...municipalities.map((m) => [m.id, m.name] as const), ...organisations.map((o) => [o.id, o.shortName] as const)]);
  return rows.map(({ user, ...r }) => ({
    id: r.id,
    kind: r.kind,
    requestedAt: r.requestedAt,
    requestedBy: person(r.requestedById),
    user: { id: user.id, login: user.login, fullName: user.fullName },
    current: user.approvedAt ? { role: user.role, scopeKind: user.scopeKind, unitName: user.organisation?.shortName ?? user.municipality?.name ?? null } : null,
    requested: { role: r.role, scopeKind: r.scopeKind, unitName: unit.get(r.organisationId ?? r.municipalityId ?? "") ?? null },
  }));
}

export async function decideAccount(db: Db, actor: Actor, requestId: string, decision: "approve" | "reject", ip: string | null) {
  // Either ministry's approvers reach this far; which one a request needs is checked below.
  if (!canApproveAccounts(actor)) throw forbidden();
  assertRegionScope(actor);
  return db.$transaction(async (tx) => {
    const request = await tx.accountRequest.findFirst({
      where: { id: requestId, regionId: actor.scope.regionId },
      select: { id: true, kind: true, status: true, userId: true, requestedById: true, role: true, scopeKind: true, municipalityId: true, organisationId: true, user: { select: { login: true } } },
    });
    if (!request) throw notFound("Заявка не найдена");
    const needed = accountApprover(request.role);
    if (needed === null) throw conflict("Эта заявка не требует подтверждения");
    if (!hasCapability(actor.role, needed)) throw forbidden(WRONG_MINISTRY[needed]);
    assertSecondPerson(actor, request.requestedById);
    if (request.userId === actor.id) throw forbidden("Нельзя подтвердить заявку о собственной учётной записи");
    const now = new Date();
    // Conditional update: of two approvers at once, exactly one decides.
    const status = decision === "approve" ? ("APPROVED" as const) : ("REJECTED" as const);
    const { count } = await tx.accountRequest.updateMany({ where: { id: request.id, status: "PENDING" }, data: { status, decidedById: actor.id, decidedAt: now } });
    if (count === 0) throw conflict("Заявка уже рассмотрена или заменена новой. Обновите страницу.");
    if (decision === "approve") {
      // Re-checked now: the organisation or municipality may have gone since the request.
      const scope = await resolveUserScope(tx, actor.scope.regionId, request);
      await tx.user.update({ where: { id: request.userId }, data: { role: request.role, ...scope, approvedAt: now, approvedById: actor.id } });
      // As an administrator's role change does: sessions issued under the old rights end.
      await revokeAllSessions(tx, request.userId, "account_change");
    } else if (request.kind === "CREATE" || request.kind === "RESET") {
      // A refused new account, or a refused password reset, is switched off: it could not sign in anyway.
      await tx.user.update({ where: { id: request.userId }, data: { active: false } });
    }
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: decision === "approve" ? "user.request.approve" : "user.request.reject",
      entityType: "User",
      entityId: request.userId,
      details: { requestId: request.id, kind: request.kind, role: request.role, scopeKind: request.scopeKind, requestedById: request.requestedById },
    });
    return { id: request.id, login: request.user.login, status };
  });
}
