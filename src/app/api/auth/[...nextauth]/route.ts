// next-auth's endpoints. Sign-out is recorded here, on the server, before the
// cookie is cleared, so the audit log has it with the account and address.
// Every answer's error code is reduced to a fixed list (sign-in-errors.ts):
// next-auth would otherwise put a thrown error's text, a database host and
// port included, into the redirect URL.
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions, sessionCookieName } from "@/server/auth/options";
import { clientIp } from "@/server/auth/request-meta";
import { readSessionClaims } from "@/server/auth/session";
import { recordSignOut } from "@/server/auth/sign-in";
import { getDb } from "@/server/db";
import { safeSignInResponse } from "@/server/http/sign-in-errors";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

function nextAuth(req: NextRequest, ctx: RouteContext) {
  return NextAuth(authOptions())(req, ctx);
}

export async function GET(req: NextRequest, ctx: RouteContext) {
  return safeSignInResponse(await nextAuth(req, ctx));
}

export async function POST(req: NextRequest, ctx: RouteContext) {
  const { nextauth } = await ctx.params;
  const claims = nextauth[0] === "signout" ? await readSessionClaims(req.cookies) : null;
  const response = await nextAuth(req, ctx);
  // Recorded only when next-auth really cleared the session (its CSRF check passed).
  const cleared = response.headers.getSetCookie().some((c: string) => c.startsWith(`${sessionCookieName()}=;`));
  if (claims && cleared) await recordSignOut(await getDb(), claims, clientIp(req.headers));
  return safeSignInResponse(response);
}
