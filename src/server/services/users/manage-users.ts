// Account management for SYSTEM_ADMIN: list, create, edit, (de)activate.
// Every change is audited with the names of the fields it changed. Two-person
// rule: a new account with a data role, or a role/scope change toward one, is
// only requested here (./account-requests.ts); a second person applies it.
import type { CreateUserInput, UpdateUserInput } from "@/lib/schemas/users";
import { z } from "zod";
import type { ZListUsersInput } from "@/lib/schemas/users";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import { hashPassword } from "../../auth/password";
import { assertPasswordPolicy } from "../../auth/password-policy";
import { revokeAllSessions } from "../../auth/sessions";
import type { Db } from "../../db";
import { badRequest, conflict, notFound } from "../../errors";
import { resolveUserScope } from "./user-scope";
import { accountApprover } from "../../authz/approval";
import type { DbTx } from "../../db";
import { accessChanges, changeNeedsApproval, openRequest, supersedePending } from "./account-requests";
import { toUserView, userViewSelect } from "./user-view";
import { likeLiteral } from "../../db/like";

type AuditIp = { ip: string | null };
const auditActor = (actor: Actor, { ip }: AuditIp) => auditActorOf(actor, ip);

export async function listUsers(db: Db, actor: Actor, input: z.infer<typeof ZListUsersInput>) {
  const where = {
    regionId: actor.scope.regionId,
    ...(input.role ? { role: input.role } : {}),
    ...(input.active === undefined ? {} : { active: input.active }),
    ...(input.search
      ? {
          OR: [
            { login: { contains: likeLiteral(input.search), mode: "insensitive" as const } },
            { fullName: { contains: likeLiteral(input.search), mode: "insensitive" as const } },
          ],
        }
      : {}),
  };
  const [total, rows] = await db.$transaction([
    db.user.count({ where }),
    db.user.findMany({
      where,
      select: userViewSelect,
      orderBy: [{ login: "asc" }],
      skip: input.page * input.pageSize,
      take: input.pageSize,
    }),
  ]);
  return { total, rows: rows.map(toUserView) };
}

const readView = async (tx: DbTx, id: string) => toUserView(await tx.user.findUniqueOrThrow({ where: { id }, select: userViewSelect }));

export async function createUser(db: Db, actor: Actor, input: CreateUserInput, meta: AuditIp) {
  assertPasswordPolicy(input.password, "password");
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { login: input.login }, select: { id: true } })) {
      throw conflict("Такой логин уже занят", "login");
    }
    const scope = await resolveUserScope(tx, actor.scope.regionId, input);
    // A data role waits for a second person: the row exists (the login is
    // taken) but approvedAt stays NULL, so it cannot sign in until approved.
    const pending = accountApprover(input.role) !== null;
    const created = await tx.user.create({
      data: { login: input.login, fullName: input.fullName, role: input.role, passwordHash, regionId: actor.scope.regionId, ...scope, approvedAt: pending ? null : new Date() },
      select: { id: true, login: true },
    });
    const request = pending ? await openRequest(tx, actor, created.id, "CREATE", { role: input.role, ...scope }) : null;
    await recordAudit(tx, auditActor(actor, meta), {
      action: "user.create",
      entityType: "User",
      entityId: created.id,
      details: { login: created.login, role: input.role, scopeKind: scope.scopeKind, awaitingApproval: pending, ...(request ? { requestId: request.id } : {}) },
    });
    return readView(tx, created.id);
  });
}

export async function updateUser(db: Db, actor: Actor, input: UpdateUserInput, meta: AuditIp) {
  if (input.newPassword) assertPasswordPolicy(input.newPassword, "newPassword");
  const passwordHash = input.newPassword ? await hashPassword(input.newPassword) : undefined;
  return db.$transaction(async (tx) => {
    const before = await tx.user.findFirst({ where: { id: input.id, regionId: actor.scope.regionId } });
    if (!before) throw notFound("Учётная запись не найдена");
    if (before.id === actor.id && input.role !== before.role) {
      throw badRequest("Нельзя изменить роль собственной учётной записи", "role");
    }
    const scope = await resolveUserScope(tx, actor.scope.regionId, input);
    const access = { role: input.role, ...scope };
    const accessChanged = accessChanges(before, access);
    const changed: string[] = [...(input.fullName !== before.fullName ? ["fullName"] : []), ...accessChanged, ...(passwordHash ? ["password"] : [])];
    // Two-person rule. An approved account keeps its role and scope until the
    // request is approved; a not yet approved one has nothing in force, so its
    // columns follow the edit and its creation request is renewed.
    const needsApproval = changeNeedsApproval(before, access);
    const approved = before.approvedAt !== null;
    // A password the administrator chose for an account with learner data
    // would let it sign in as that person: the account waits for a second
    // person again (kind RESET), with the access requested or in force.
    const reset = Boolean(passwordHash) && approved && (accountApprover(before.role) !== null || accountApprover(access.role) !== null);
    const applyAccess = !needsApproval || !approved;
    let request: { id: string; superseded: string | null } | null = null;
    let superseded: string | null = null;
    if (reset) request = await openRequest(tx, actor, before.id, "RESET", needsApproval ? access : { role: before.role, scopeKind: before.scopeKind, municipalityId: before.municipalityId, organisationId: before.organisationId });
    else if (needsApproval) request = await openRequest(tx, actor, before.id, approved ? "CHANGE" : "CREATE", access);
    // A change that needs no approval (a role without data) makes a waiting request moot.
    else if (accessChanged.length > 0) superseded = await supersedePending(tx, before.id, actor.id);
    await tx.user.update({
      where: { id: before.id },
      data: {
        fullName: input.fullName,
        ...(applyAccess ? access : {}),
        // A not yet approved account moved to a role without data needs no second person.
        ...(!approved && !needsApproval && accessChanged.length > 0 ? { approvedAt: new Date(), approvedById: null } : {}),
        ...(reset ? { approvedAt: null, approvedById: null } : {}),
        ...(passwordHash ? { passwordHash, passwordChangedAt: new Date(), failedLoginCount: 0, lockedUntil: null } : {}),
      },
    });
    // A role, scope or password now in force ends the sessions issued before it.
    if (passwordHash || (applyAccess && accessChanged.length > 0)) await revokeAllSessions(tx, before.id, passwordHash ? "password_change" : "account_change");
    await recordAudit(tx, auditActor(actor, meta), {
      action: "user.update",
      entityType: "User",
      entityId: before.id,
      details: {
        changed,
        ...(request ? { awaitingApproval: reset ? [...accessChanged, "password"] : accessChanged, requestId: request.id } : {}),
        ...((request?.superseded ?? superseded) ? { supersededRequestId: request?.superseded ?? superseded } : {}),
      },
    });
    return readView(tx, before.id);
  });
}

export async function setUserActive(db: Db, actor: Actor, id: string, active: boolean, meta: AuditIp) {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findFirst({ where: { id, regionId: actor.scope.regionId }, select: { id: true, active: true } });
    if (!before) throw notFound("Учётная запись не найдена");
    if (before.id === actor.id && !active) throw badRequest("Нельзя отключить собственную учётную запись");
    // Activation does not approve: an account still waiting for its second person stays unable to sign in.
    const user = toUserView(
      await tx.user.update({
        where: { id },
        data: active ? { active, failedLoginCount: 0, lockedUntil: null } : { active },
        select: userViewSelect,
      }),
    );
    // Deactivation ends open sessions at once (loadActor also refuses inactive accounts).
    if (!active) await revokeAllSessions(tx, id, "deactivated");
    await recordAudit(tx, auditActor(actor, meta), {
      action: active ? "user.activate" : "user.deactivate",
      entityType: "User",
      entityId: id,
    });
    return user;
  });
}

export async function listScopeOptions(db: Db, actor: Actor) {
  const municipalities = await db.municipality.findMany({
    where: { regionId: actor.scope.regionId },
    select: { id: true, name: true, organisations: { where: { closedAt: null }, select: { id: true, shortName: true }, orderBy: { shortName: "asc" } } },
    orderBy: { name: "asc" },
  });
  return { municipalities };
}
