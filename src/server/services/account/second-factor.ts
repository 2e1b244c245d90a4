// The second sign-in step and TOTP enrolment, for the session that is
// signing in (or, for optional roles, already signed in).
import { recordAudit, auditActorOf } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import { claimAccountAttempt, lockAccountIfSpent } from "../../auth/throttle";
import {
  consumeRecoveryCode,
  consumeTotpCode,
  enrolmentFor,
  issueRecoveryCodes,
  matchTotpStep,
  newTotpSecret,
  openTotpSecret,
  sealTotpSecret,
} from "../../auth/totp";
import type { Db } from "../../db";
import { badRequest, DomainError } from "../../errors";

interface SessionCtx {
  db: Db;
  actor: Actor;
  sessionId: string;
  ip: string | null;
}

const locked = () => new DomainError("FORBIDDEN", "Слишком много неудачных попыток. Вход заблокирован на 15 минут.", "code");

/**
 * Second step: a 6-digit code from the app, or one recovery code. Wrong codes
 * count towards the lockout; a try is claimed before the code is checked
 * (throttle.ts), so parallel guesses get at most five checks per lock.
 */
export async function verifySecondFactor({ db, actor, sessionId, ip }: SessionCtx, rawCode: string) {
  const code = rawCode.trim();
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpSecret: true, totpEnabledAt: true } });
  if (!user.totpEnabledAt || !user.totpSecret) throw badRequest("Второй фактор для этой учётной записи не настроен", "code");
  const totpSecret = user.totpSecret;
  const attempt = await claimAccountAttempt(db, actor.id);
  if (attempt === null) throw locked();
  const outcome = await db.$transaction(async (tx) => {
    const method = /^\d{6}$/.test(code) ? "totp" : "recovery";
    const ok =
      method === "totp" ? await consumeTotpCode(tx, actor.id, openTotpSecret(totpSecret), code) : await consumeRecoveryCode(tx, actor.id, code);
    if (ok) {
      await tx.user.update({ where: { id: actor.id }, data: { failedLoginCount: 0 } });
      await tx.userSession.update({ where: { id: sessionId }, data: { secondFactorAt: new Date() } });
      await recordAudit(tx, auditActorOf(actor, ip), {
        action: "auth.second_factor.success",
        entityType: "UserSession",
        entityId: sessionId,
        details: { method },
      });
      return "ok" as const;
    }
    // The try is already counted (claimed); the last one locks.
    const didLock = await lockAccountIfSpent(tx, actor.id, attempt);
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "auth.second_factor.failure",
      outcome: "FAILURE",
      entityType: "UserSession",
      entityId: sessionId,
      details: { method },
    });
    if (didLock) await recordAudit(tx, auditActorOf(actor, ip), { action: "auth.account.locked", outcome: "DENIED", details: { step: "second_factor" } });
    return didLock ? ("locked" as const) : ("failed" as const);
  });
  if (outcome === "ok") return { ok: true as const };
  if (outcome === "locked") throw locked();
  throw badRequest("Код не подошёл. Введите текущий код из приложения или неиспользованный резервный код.", "code");
}

/** Starts (or restarts) enrolment: a fresh secret, kept encrypted until confirmed. */
export async function beginTotpEnrolment({ db, actor }: SessionCtx) {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpEnabledAt: true } });
  if (user.totpEnabledAt) throw badRequest("Второй фактор уже подключён");
  const secret = newTotpSecret();
  await db.user.update({ where: { id: actor.id }, data: { totpSecret: sealTotpSecret(secret) } });
  return enrolmentFor(secret, actor.login);
}

/** Confirms enrolment with the first valid code; returns the recovery codes, shown once. */
export async function confirmTotpEnrolment({ db, actor, sessionId, ip }: SessionCtx, code: string) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpSecret: true, totpEnabledAt: true } });
    if (user.totpEnabledAt) throw badRequest("Второй фактор уже подключён");
    if (!user.totpSecret) throw badRequest("Сначала начните подключение заново", "code");
    const step = matchTotpStep(openTotpSecret(user.totpSecret), code.trim());
    if (step === null) throw badRequest("Код не подошёл. Проверьте время на телефоне и введите текущий код.", "code");
    await tx.user.update({ where: { id: actor.id }, data: { totpEnabledAt: new Date(), totpLastStep: BigInt(step) } });
    const recoveryCodes = await issueRecoveryCodes(tx, actor.id);
    // The enrolling session has just proven the factor; other sessions must pass it on their next request.
    await tx.userSession.update({ where: { id: sessionId }, data: { secondFactorAt: new Date() } });
    await tx.userSession.updateMany({ where: { userId: actor.id, id: { not: sessionId }, revokedAt: null }, data: { secondFactorAt: null } });
    await recordAudit(tx, auditActorOf(actor, ip), { action: "auth.totp.enrol", entityType: "User", entityId: actor.id });
    return { recoveryCodes };
  });
}

/** The account page's view of the own second factor: never the secret. */
export async function describeOwnSecurity(db: Db, actor: Actor) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { totpEnabledAt: true, passwordChangedAt: true, _count: { select: { recoveryCodes: { where: { usedAt: null } } } } },
  });
  return { totpEnabled: !!user.totpEnabledAt, recoveryCodesLeft: user._count.recoveryCodes, passwordChangedAt: user.passwordChangedAt };
}
