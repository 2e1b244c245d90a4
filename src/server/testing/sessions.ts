// Test helpers for server-side sessions: a session row as a real sign-in
// would leave it, and the cookie value (JWT) a browser would carry for it.
import { encode } from "next-auth/jwt";
import type { SessionClaims } from "../auth/actor";
import { createSession } from "../auth/sessions";
import type { Db } from "../db";
import { serverEnv } from "../env";

/** A fully signed-in session for `login` (second factor already passed). */
export async function signedInClaims(db: Db, login: string, ip = "127.0.0.1"): Promise<SessionClaims> {
  const user = await db.user.findUniqueOrThrow({ where: { login }, select: { id: true } });
  const session = await createSession(db, user.id, { ip, userAgent: "vitest" }, true);
  return { sessionId: session.id };
}

/** The session cookie's value for a fully signed-in session of `login`. */
export async function sessionToken(db: Db, login: string): Promise<string> {
  const { sessionId } = await signedInClaims(db, login);
  return encode({ token: { sid: sessionId }, secret: serverEnv().NEXTAUTH_SECRET });
}
