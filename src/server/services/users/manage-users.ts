// Account management for SYSTEM_ADMIN: list, create, edit, (de)activate.
// Every change is audited with the names of the fields it changed.
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
import { userViewSelect } from "./user-view";
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
  return { total, rows };
}

export async function createUser(db: Db, actor: Actor, input: CreateUserInput, meta: AuditIp) {
  assertPasswordPolicy(input.password, "password");
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { login: input.login }, select: { id: true } })) {
      throw conflict("Такой логин уже занят", "login");
    }
    const scope = await resolveUserScope(tx, actor.scope.regionId, input);
    const user = await tx.user.create({
      data: { login: input.login, fullName: input.fullName, role: input.role, passwordHash, regionId: actor.scope.regionId, ...scope },
      select: userViewSelect,
    });
    await recordAudit(tx, auditActor(actor, meta), {
      action: "user.create",
      entityType: "User",
      entityId: user.id,
      details: { login: user.login, role: user.role, scopeKind: user.scopeKind },
    });
    return user;
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
    const next = { fullName: input.fullName, role: input.role, ...scope };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== before[k]);
    if (passwordHash) changed.push("passwordHash" as never);
    // A new role, scope or password ends the sessions issued before it.
    const endSessions = changed.some((k) => k !== "fullName");
    const user = await tx.user.update({
      where: { id: before.id },
      data: { ...next, ...(passwordHash ? { passwordHash, passwordChangedAt: new Date(), failedLoginCount: 0, lockedUntil: null } : {}) },
      select: userViewSelect,
    });
    if (endSessions) await revokeAllSessions(tx, user.id, passwordHash ? "password_change" : "account_change");
    await recordAudit(tx, auditActor(actor, meta), {
      action: "user.update",
      entityType: "User",
      entityId: user.id,
      details: { changed: changed.map((k) => (k === ("passwordHash" as never) ? "password" : k)) },
    });
    return user;
  });
}

export async function setUserActive(db: Db, actor: Actor, id: string, active: boolean, meta: AuditIp) {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findFirst({ where: { id, regionId: actor.scope.regionId }, select: { id: true, active: true } });
    if (!before) throw notFound("Учётная запись не найдена");
    if (before.id === actor.id && !active) throw badRequest("Нельзя отключить собственную учётную запись");
    const user = await tx.user.update({
      where: { id },
      data: active ? { active, failedLoginCount: 0, lockedUntil: null } : { active },
      select: userViewSelect,
    });
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
