// Server-side sessions. The JWT cookie carries only a session id; this row
// decides on every request whether the session still stands: not revoked,
// not idle for 30 minutes, not older than 12 hours from sign-in.
import type { DbTx } from "../db";

export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is refreshed at most this often, not on every request. */
export const SESSION_TOUCH_MS = 60 * 1000;

export type RevokeReason =
  | "sign_out"
  | "idle"
  | "expired"
  | "password_change"
  | "admin_end_all"
  | "second_factor_reset"
  | "account_change"
  | "deactivated";

export interface SessionMeta {
  ip: string | null;
  userAgent: string | null;
}

export async function createSession(tx: DbTx, userId: string, meta: SessionMeta, secondFactorDone: boolean) {
  const now = new Date();
  return tx.userSession.create({
    data: {
      userId,
      createdAt: now,
      lastSeenAt: now,
      secondFactorAt: secondFactorDone ? now : null,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 256) ?? null,
    },
    select: { id: true },
  });
}

export interface LiveSession {
  id: string;
  userId: string;
  secondFactorAt: Date | null;
}

/**
 * The session row if it still stands, else null. An expired row is revoked
 * on the spot so that the reason is on record.
 */
export async function checkSession(db: DbTx, sessionId: string, now = new Date()): Promise<LiveSession | null> {
  const row = await db.userSession.findUnique({
    where: { id: sessionId },
    select: { id: true, userId: true, createdAt: true, lastSeenAt: true, revokedAt: true, secondFactorAt: true },
  });
  if (!row || row.revokedAt) return null;
  const expiredBy: RevokeReason | null =
    now.getTime() - row.createdAt.getTime() > SESSION_ABSOLUTE_MS
      ? "expired"
      : now.getTime() - row.lastSeenAt.getTime() > SESSION_IDLE_MS
        ? "idle"
        : null;
  if (expiredBy) {
    await db.userSession.updateMany({ where: { id: row.id, revokedAt: null }, data: { revokedAt: now, reason: expiredBy } });
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > SESSION_TOUCH_MS) {
    await db.userSession.update({ where: { id: row.id }, data: { lastSeenAt: now } });
  }
  return { id: row.id, userId: row.userId, secondFactorAt: row.secondFactorAt };
}

export async function revokeSession(tx: DbTx, sessionId: string, reason: RevokeReason): Promise<number> {
  const { count } = await tx.userSession.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: new Date(), reason },
  });
  return count;
}

/** Ends every open session of the account, except `keep` (the caller's own, on a password change). */
export async function revokeAllSessions(tx: DbTx, userId: string, reason: RevokeReason, keep?: string): Promise<number> {
  const { count } = await tx.userSession.updateMany({
    where: { userId, revokedAt: null, ...(keep ? { id: { not: keep } } : {}) },
    data: { revokedAt: new Date(), reason },
  });
  return count;
}
