// tRPC callers acting as a given account, exactly as a signed-in request
// would: same context, same middleware, same database.
import type { Db } from "../db";
import { createCaller } from "../trpc/root";

export async function callerAs(db: Db, login: string, ip = "127.0.0.1") {
  const user = await db.user.findUniqueOrThrow({ where: { login }, select: { id: true, sessionVersion: true } });
  return createCaller({ db, claims: { userId: user.id, sessionVersion: user.sessionVersion }, ip });
}

export function anonymousCaller(db: Db) {
  return createCaller({ db, claims: null, ip: "127.0.0.1" });
}
