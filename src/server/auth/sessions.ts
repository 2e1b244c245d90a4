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

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
}

/**
 * What a session row's timestamps say at `now`: "revoked" (already ended),
 * "expired" / "idle" (to be revoked now, so that the reason is on record),
 * "touch" (stands; lastSeenAt is due a refresh) or "fresh" (stands, no write).
 */
export function sessionStanding(row: SessionTimes, now: Date): "revoked" | "expired" | "idle" | "touch" | "fresh" {
  if (row.revokedAt) return "revoked";
  if (now.getTime() - row.createdAt.getTime() > SESSION_ABSOLUTE_MS) return "expired";
  if (now.getTime() - row.lastSeenAt.getTime() > SESSION_IDLE_MS) return "idle";
  return now.getTime() - row.lastSeenAt.getTime() > SESSION_TOUCH_MS ? "touch" : "fresh";
}

/**
 * Applies a standing's write: revokes an expired or idle session (the caller
 * then refuses it) and refreshes lastSeenAt at most once a minute. Returns
 * whether the session still stands.
 */
export async function applySessionStanding(db: DbTx, sessionId: string, standing: ReturnType<typeof sessionStanding>, now: Date): Promise<boolean> {
  switch (standing) {
    case "revoked":
      return false;
    case "expired":
    case "idle":
      await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now, reason: standing } });
      return false;
    case "touch":
      await db.userSession.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
      return true;
    case "fresh":
      return true;
  }
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
