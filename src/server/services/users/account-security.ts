// SYSTEM_ADMIN's security actions on another account: end all its sessions,
// reset its second factor (a lost phone). Both audited, both end sessions.
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import { revokeAllSessions } from "../../auth/sessions";
import type { Db, DbTx } from "../../db";
import { notFound } from "../../errors";

type Meta = { ip: string | null };

async function accountInRegion(tx: DbTx, actor: Actor, id: string) {
  const user = await tx.user.findFirst({ where: { id, regionId: actor.scope.regionId }, select: { id: true, login: true } });
  if (!user) throw notFound("Учётная запись не найдена");
  return user;
}

export async function endAllSessions(db: Db, actor: Actor, id: string, meta: Meta) {
  return db.$transaction(async (tx) => {
    const user = await accountInRegion(tx, actor, id);
    const ended = await revokeAllSessions(tx, user.id, "admin_end_all");
    await recordAudit(tx, auditActorOf(actor, meta.ip), {
      action: "user.sessions.revoke",
      entityType: "User",
      entityId: user.id,
      details: { ended },
    });
    return { ended };
  });
}

/** Removes the TOTP secret and recovery codes; a mandatory role must enrol again at its next sign-in. */
export async function resetSecondFactor(db: Db, actor: Actor, id: string, meta: Meta) {
  return db.$transaction(async (tx) => {
    const user = await accountInRegion(tx, actor, id);
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    const ended = await revokeAllSessions(tx, user.id, "second_factor_reset");
    await recordAudit(tx, auditActorOf(actor, meta.ip), {
      action: "user.second_factor.reset",
      entityType: "User",
      entityId: user.id,
      details: { sessionsEnded: ended },
    });
    return { ended };
  });
}
