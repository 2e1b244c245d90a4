// Password step of the sign-in. Every attempt, successful or not, is audited
// in the same transaction as the counters it changes. The caller learns only
// "signed in", "refused" or "locked": an unknown login and a wrong password
// get the same answer after the same argon2 work, and an unknown login locks
// after five tries exactly like an account does. A try is claimed before the
// password is checked (throttle.ts), so parallel attempts get at most five
// checks per lock.
import { ZSignInInput } from "@/lib/schemas/auth";
import { recordAudit, type AuditActor } from "../audit/recorder";
import type { Db, DbTx } from "../db";
import { requiresSecondFactor } from "../authz/matrix";
import type { SessionClaims } from "./actor";
import { burnPasswordCheck, verifyPassword } from "./password";
import { createSession, revokeSession } from "./sessions";
import {
  ACCOUNT_FAILURE_LIMIT,
  IP_FAILURE_LIMIT,
  claimAccountAttempt,
  claimThrottledAttempt,
  countThrottledFailure,
  ipKey,
  lockAccountIfSpent,
  lockThrottleIfSpent,
  throttleLockedUntil,
  unknownLoginKey,
} from "./throttle";

export type SignInError = "invalid_input" | "invalid_credentials" | "locked" | "too_many_attempts";
export type SignInResult = { ok: true; claims: SessionClaims } | { ok: false; error: SignInError };

export type FailureReason = "unknown_login" | "wrong_password" | "inactive" | "not_approved" | "invalid_input";

export async function signIn(db: Db, raw: unknown, ip: string | null, userAgent: string | null = null): Promise<SignInResult> {
  const parsed = ZSignInInput.safeParse(raw);
  if (!parsed.success) {
    // Not audited with the login: an oversized or empty field is not an
    // attempt on an account, and its text may be anything.
    return { ok: false, error: "invalid_input" };
  }
  const { login, password } = parsed.data;
  const now = new Date();
  const audit = (user: { id: string; login: string; role: AuditActor["role"] } | null): AuditActor => ({
    id: user?.id ?? null,
    login: user?.login ?? login,
    role: user?.role ?? null,
    ip,
  });

  // The address limit needs a known address (a trusted proxy: request-meta.ts).
  // An unknown one is not counted at all: one shared "unknown" counter would
  // let anyone lock every user out with twenty wrong passwords, and a client's
  // own X-Forwarded-For is never believed. The account and unknown-login
  // limits apply either way.
  if (ip && (await throttleLockedUntil(db, ipKey(ip), now))) {
    await db.$transaction((tx) =>
      recordAudit(tx, audit(null), { action: "auth.login.refused", outcome: "DENIED", details: { reason: "ip_limited" } }),
    );
    return { ok: false, error: "too_many_attempts" };
  }

  const user = await db.user.findUnique({
    where: { login },
    select: { id: true, login: true, role: true, passwordHash: true, active: true, approvedAt: true, totpEnabledAt: true },
  });
  // One of the five tries is claimed before anything is checked (throttle.ts),
  // for an unknown login too, so both lock alike under any concurrency.
  const attempt = user
    ? await claimAccountAttempt(db, user.id, now)
    : await claimThrottledAttempt(db, unknownLoginKey(login), ACCOUNT_FAILURE_LIMIT, now);
  // Exactly one argon2 verification on every path, locked or not, known or
  // not; without a claimed try it is the dummy one, so nothing is evaluated.
  const passwordOk =
    user && attempt !== null ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);

  return db.$transaction(async (tx) => {
    if (attempt === null) {
      // A correct password during the lock is refused too, and not counted.
      const lockedUntil = user
        ? (await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { lockedUntil: true } })).lockedUntil
        : await throttleLockedUntil(tx, unknownLoginKey(login), now);
      await recordAudit(tx, audit(user), {
        action: "auth.login.refused",
        outcome: "DENIED",
        // No date when the last tries are still being checked by parallel attempts.
        details: { reason: "locked", lockedUntil: lockedUntil && lockedUntil > now ? lockedUntil.toISOString() : null },
      });
      return { ok: false, error: "locked" } as const;
    }
    // A new account still waiting for its second approval (two-person rule) is refused like an inactive one.
    const reason: FailureReason | null = !user
      ? "unknown_login"
      : !passwordOk
        ? "wrong_password"
        : !user.active
          ? "inactive"
          : !user.approvedAt
            ? "not_approved"
            : null;
    if (reason || !user) {
      return refuse(tx, user, reason ?? "unknown_login", audit(user), login, ip, attempt, now);
    }
    await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now } });
    // The session starts without the second factor; loadSession decides whether one is due.
    const session = await createSession(tx, user.id, { ip, userAgent }, false);
    await recordAudit(tx, audit(user), {
      action: "auth.login.success",
      entityType: "UserSession",
      entityId: session.id,
      details: { secondFactor: user.totpEnabledAt ? "pending" : requiresSecondFactor(user.role) ? "enrol" : "none" },
    });
    return { ok: true, claims: { sessionId: session.id } } as const;
  });
}

async function refuse(
  tx: DbTx,
  user: { id: string } | null,
  reason: FailureReason,
  actor: AuditActor,
  login: string,
  ip: string | null,
  attempt: number,
  now: Date,
): Promise<SignInResult> {
  // The try is already counted (claimed); the last one locks.
  const locked = user
    ? await lockAccountIfSpent(tx, user.id, attempt, now)
    : await lockThrottleIfSpent(tx, unknownLoginKey(login), ACCOUNT_FAILURE_LIMIT, attempt, now);
  const ipLimited = ip ? await countThrottledFailure(tx, ipKey(ip), IP_FAILURE_LIMIT, now) : false;
  await recordAudit(tx, actor, { action: "auth.login.failure", outcome: "FAILURE", details: { reason } });
  if (locked) await recordAudit(tx, actor, { action: "auth.account.locked", outcome: "DENIED", details: { failures: ACCOUNT_FAILURE_LIMIT } });
  if (ipLimited) await recordAudit(tx, actor, { action: "auth.ip.limited", outcome: "DENIED", details: { failures: IP_FAILURE_LIMIT } });
  // The attempt that reaches the limit already says "locked", so the person knows to wait.
  return { ok: false, error: locked ? "locked" : ipLimited ? "too_many_attempts" : "invalid_credentials" };
}

export async function recordSignOut(db: Db, claims: SessionClaims | null, ip: string | null): Promise<void> {
  if (!claims || !/^[0-9a-f-]{36}$/i.test(claims.sessionId)) return;
  await db.$transaction(async (tx) => {
    const session = await tx.userSession.findUnique({
      where: { id: claims.sessionId },
      select: { id: true, user: { select: { id: true, login: true, role: true } } },
    });
    if (!session) return;
    // Revoked on the server: a copy of the cookie stops working on its next request.
    await revokeSession(tx, session.id, "sign_out");
    await recordAudit(tx, { id: session.user.id, login: session.user.login, role: session.user.role, ip }, {
      action: "auth.logout",
      entityType: "UserSession",
      entityId: session.id,
    });
  });
}
