// Reading the session claims from a request's cookies, for server components,
// route handlers and the tRPC context alike.
import { getToken } from "next-auth/jwt";
import type { SessionClaims } from "./actor";
import { serverEnv } from "../env";
import { sessionCookieName } from "./options";

/** Next's cookie stores (NextRequest.cookies, cookies()) have this shape. */
export interface CookieJar {
  getAll(): { name: string; value: string }[];
}

export async function readSessionClaims(cookies: CookieJar): Promise<SessionClaims | null> {
  try {
    const req = { cookies, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"];
    const token = await getToken({ req, secret: serverEnv().NEXTAUTH_SECRET, cookieName: sessionCookieName() });
    if (!token || typeof token.sid !== "string") return null;
    return { sessionId: token.sid };
  } catch {
    return null; // an unreadable token is no session
  }
}
