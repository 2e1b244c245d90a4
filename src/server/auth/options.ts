// next-auth configuration: credentials only, JWT cookies that carry nothing
// but the server-side session id (see sessions.ts and actor.ts for why).
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db";
import { serverEnv } from "../env";
import { signIn } from "./sign-in";
import { clientIp } from "./request-meta";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export function sessionCookieName(): string {
  // __Host- binds the cookie to this exact origin (no Domain, Path=/, Secure);
  // browsers accept it only over HTTPS, so plain-HTTP local runs use a plain name.
  return serverEnv().NEXTAUTH_URL?.startsWith("https://") ? "__Host-kt.session" : "kt.session";
}

export function authOptions(): NextAuthOptions {
  const env = serverEnv();
  const secure = env.NEXTAUTH_URL?.startsWith("https://") ?? false;
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    useSecureCookies: secure,
    cookies: {
      sessionToken: {
        name: sessionCookieName(),
        options: { httpOnly: true, sameSite: "lax", path: "/", secure },
      },
    },
    providers: [
      CredentialsProvider({
        name: "credentials",
        credentials: { login: { type: "text" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const headers = req.headers ?? {};
          const userAgent = (headers["user-agent"] as string | undefined) ?? null;
          const result = await signIn(await getDb(), credentials ?? {}, clientIp(headers), userAgent);
          if (!result.ok) throw new Error(result.error); // next-auth passes the code to the page
          return { id: result.claims.sessionId };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        // Only the session id: role, scope and second-factor state are read from the database.
        if (user) return { sid: user.id };
        return token;
      },
      // The browser-visible session says only that someone is signed in;
      // who and with which rights is answered by the server (session.me).
      session({ session }) {
        return { expires: session.expires } as typeof session;
      },
    },
  };
}
