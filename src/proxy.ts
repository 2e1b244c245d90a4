// Runs before every request except Next's hashed static files: sets a
// per-request CSP nonce and forbids caching (pages and API answers carry
// personal data). The request-independent headers come from next.config.js,
// which covers static files too. Next.js reads the nonce from
// the *request's* Content-Security-Policy header while rendering and puts it
// on its own scripts, which is why the policy travels both ways. Access
// control is NOT done here (pages, route handlers and tRPC check the session
// themselves), so a forged `x-middleware-subrequest` that skips this file
// skips only headers, never a permission check.
import { NextResponse, type NextRequest } from "next/server";
import { isDevelopment } from "@/lib/runtime-env";
import { contentSecurityPolicy, mustNotCache, newNonce } from "@/server/http/security-headers";
import { PAGE_PATH_HEADER } from "@/server/http/unavailable-page";

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { dev: isDevelopment() });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  // The page's path, for the "try again" link of the outage page (src/server/pages/guards.ts);
  // set here, so a client's own header of that name never reaches a page.
  requestHeaders.set(PAGE_PATH_HEADER, request.nextUrl.pathname);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (mustNotCache(request.nextUrl.pathname)) response.headers.set("Cache-Control", "no-store");
  return response;
}

// Not /api/trpc: its answers are JSON, which needs no nonce, and its handler
// sets their no-store and CSP headers itself (API_RESPONSE_HEADERS). Skipping
// the proxy there saves 1–2 ms of every registry call (docs/performance.md).
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/trpc).*)"],
};
