// Failed sign-in limits. An account locks after five failures in a row; a
// client address is refused after twenty failures within fifteen minutes.
// Counters live in the database so that every app instance sees them.
//
// The account limit is exact under concurrency: an attempt first *claims* one
// of the five tries with a single conditional UPDATE (the row lock it takes
// orders concurrent claims), and only a successful claim gets its password or
// code checked. Reading "not locked" and checking afterwards would let every
// attempt in flight through: 20 parallel requests used to get 12–14 checks.
import type { Db, DbTx } from "../db";

export const ACCOUNT_FAILURE_LIMIT = 5;
export const IP_FAILURE_LIMIT = 20;
export const LOCK_MS = 15 * 60 * 1000;

/** Throttle key of a known client address (an unknown one is not counted: sign-in.ts). */
export const ipKey = (ip: string) => `ip:${ip}`;
/** Unknown logins get a counter of their own so they lock exactly like real accounts. */
export const unknownLoginKey = (login: string) => `login:${login.toLowerCase()}`;

const lockEnd = (now: Date) => new Date(now.getTime() + LOCK_MS);

export async function throttleLockedUntil(db: Db | DbTx, key: string, now = new Date()): Promise<Date | null> {
  const row = await db.signInThrottle.findUnique({ where: { key }, select: { lockedUntil: true } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/**
 * Claims one try on a real account, counting it as a failure until it
 * succeeds (a success resets the counter). Null when the account is locked or
 * all five tries are taken by attempts still in flight: nothing may be checked.
 * Returns the try's number, 1–5.
 */
export async function claimAccountAttempt(db: Db | DbTx, userId: string, now = new Date()): Promise<number | null> {
  const rows = await db.$queryRaw<{ attempt: number }[]>`
    UPDATE "User" SET "failedLoginCount" = "failedLoginCount" + 1
    WHERE "id" = ${userId}::uuid
      AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})
      AND "failedLoginCount" < ${ACCOUNT_FAILURE_LIMIT}
    RETURNING "failedLoginCount" AS "attempt"`;
  return rows[0] ? Number(rows[0].attempt) : null;
}

/**
 * After a failed try: the fifth locks the account for LOCK_MS and restarts the
 * counter, unless a success in the meantime reset it. True when this try locked.
 */
export async function lockAccountIfSpent(tx: DbTx, userId: string, attempt: number, now = new Date()): Promise<boolean> {
  if (attempt < ACCOUNT_FAILURE_LIMIT) return false;
  const { count } = await tx.user.updateMany({
    where: { id: userId, failedLoginCount: { gte: ACCOUNT_FAILURE_LIMIT } },
    data: { failedLoginCount: 0, lockedUntil: lockEnd(now) },
  });
  return count === 1;
}

/**
 * The same claim for a throttle key (an unknown login), in a fixed window of
 * LOCK_MS: one upsert that counts only while the key is unlocked and under
 * `limit`. Null when nothing may be checked.
 */
export async function claimThrottledAttempt(db: Db | DbTx, key: string, limit: number, now = new Date()): Promise<number | null> {
  const windowFloor = new Date(now.getTime() - LOCK_MS);
  const rows = await db.$queryRaw<{ attempt: number }[]>`
    INSERT INTO "SignInThrottle" ("key", "failures", "windowStart")
    VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "SignInThrottle"."windowStart" < ${windowFloor} THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "SignInThrottle"."windowStart" < ${windowFloor} THEN ${now} ELSE "SignInThrottle"."windowStart" END
    WHERE ("SignInThrottle"."lockedUntil" IS NULL OR "SignInThrottle"."lockedUntil" <= ${now})
      AND ("SignInThrottle"."windowStart" < ${windowFloor} OR "SignInThrottle"."failures" < ${limit})
    RETURNING "failures" AS "attempt"`;
  return rows[0] ? Number(rows[0].attempt) : null;
}

/** lockAccountIfSpent for a throttle key. */
export async function lockThrottleIfSpent(tx: DbTx, key: string, limit: number, attempt: number, now = new Date()): Promise<boolean> {
  if (attempt < limit) return false;
  const { count } = await tx.signInThrottle.updateMany({
    where: { key, failures: { gte: limit } },
    data: { lockedUntil: lockEnd(now), failures: 0, windowStart: now },
  });
  return count === 1;
}

/**
 * Counts one failure under `key` in a fixed window of LOCK_MS and locks the key
 * for LOCK_MS once `limit` is reached; used for client addresses. The count is
 * atomic (one upsert), but it follows the check, so a burst of parallel
 * attempts from one address can pass the limit by the number in flight; each
 * of them still spends a try of its account, which is exact. (Claiming address
 * tries up front would refuse a school's users signing in at once behind one
 * address.) Returns true when this failure set the lock.
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
  await tx.signInThrottle.update({ where: { key }, data: { lockedUntil: lockEnd(now), failures: 0, windowStart: now } });
  return true;
}
