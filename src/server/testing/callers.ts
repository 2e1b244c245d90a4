// tRPC callers acting as a given account, exactly as a signed-in request
// would: same context, same middleware, same database, a real session row.
import type { Db } from "../db";
import { createCaller } from "../trpc/root";
import { signedInClaims } from "./sessions";

export async function callerAs(db: Db, login: string, ip = "127.0.0.1") {
  return createCaller({ db, claims: await signedInClaims(db, login, ip), ip });
}

export function anonymousCaller(db: Db) {
  return createCaller({ db, claims: null, ip: "127.0.0.1" });
}
