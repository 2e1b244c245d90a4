// A signed-in person changes their own password. The current password is
// required; the new one must meet the policy; the account's other sessions end.
import { recordAudit, auditActorOf } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import { hashPassword, verifyPassword } from "../../auth/password";
import { assertPasswordPolicy } from "../../auth/password-policy";
import { revokeAllSessions } from "../../auth/sessions";
import type { Db } from "../../db";
import { badRequest } from "../../errors";

export async function changeOwnPassword(
  { db, actor, sessionId, ip }: { db: Db; actor: Actor; sessionId: string; ip: string | null },
  input: { currentPassword: string; newPassword: string },
) {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw badRequest("Текущий пароль введён неверно", "currentPassword");
  }
  assertPasswordPolicy(input.newPassword, "newPassword");
  if (input.newPassword === input.currentPassword) throw badRequest("Новый пароль должен отличаться от текущего", "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, passwordChangedAt: new Date(), failedLoginCount: 0 } });
    const ended = await revokeAllSessions(tx, actor.id, "password_change", sessionId);
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "auth.password.change",
      entityType: "User",
      entityId: actor.id,
      details: { otherSessionsEnded: ended },
    });
    return { otherSessionsEnded: ended };
  });
}
