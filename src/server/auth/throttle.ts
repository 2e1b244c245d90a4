// Failed sign-in limits. An account locks after five failures in a row; a
// client address is refused after twenty failures within fifteen minutes.
// Counters live in the database so that every app instance sees them.
import type { DbTx } from "../db";

export const ACCOUNT_FAILURE_LIMIT = 5;
export const IP_FAILURE_LIMIT = 20;
export const LOCK_MS = 15 * 60 * 1000;

export const ipKey = (ip: string) => `ip:${ip}`;
/** Unknown logins get a counter of their own so they lock exactly like real accounts. */
export const unknownLoginKey = (login: string) => `login:${login.toLowerCase()}`;

export async function throttleLockedUntil(db: DbTx, key: string, now = new Date()): Promise<Date | null> {
  const row = await db.signInThrottle.findUnique({ where: { key }, select: { lockedUntil: true } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/**
 * Counts one failure under `key` in a fixed window of LOCK_MS and locks the key
 * for LOCK_MS once `limit` is reached. Atomic (one upsert), so concurrent
 * attempts on several instances cannot slip past the limit. Returns true when
 * this failure set the lock.
 */
export async function countThrottledFailure(tx: DbTx, key: string, limit: number, now = new Date()): Promise<boolean> {
  const windowFloor = new Date(now.getTime() - LOCK_MS);
  const rows = await tx.$queryRaw<{ failures: number }[]>`
    INSERT INTO "SignInThrottle" ("key", "failures", "windowStart")
    VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "SignInThrottle"."windowStart" < ${windowFloor} THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "SignInThrottle"."windowStart" < ${windowFloor} THEN ${now} ELSE "SignInThrottle"."windowStart" END
    RETURNING "failures"`;
  if ((rows[0]?.failures ?? 0) < limit) return false;
  await tx.signInThrottle.update({
    where: { key },
    data: { lockedUntil: new Date(now.getTime() + LOCK_MS), failures: 0, windowStart: now },
  });
  return true;
}

/** Counts one failure against a real account; locks it at the limit. Returns true when this failure locked it. */
export async function countAccountFailure(tx: DbTx, userId: string, now = new Date()): Promise<boolean> {
  const { failedLoginCount } = await tx.user.update({
    where: { id: userId },
    data: { failedLoginCount: { increment: 1 } },
    select: { failedLoginCount: true },
  });
  if (failedLoginCount < ACCOUNT_FAILURE_LIMIT) return false;
  // The counter restarts so that after the lock the account again gets five tries.
  await tx.user.update({ where: { id: userId }, data: { failedLoginCount: 0, lockedUntil: new Date(now.getTime() + LOCK_MS) } });
  return true;
}
