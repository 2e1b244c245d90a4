// The cookies next-auth sets (session, CSRF, callback URL), read from the real
// /api/auth route's Set-Cookie headers, over plain HTTP and behind HTTPS.
import { createRequire } from "node:module";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

// next-auth's App Router handler require()s next/headers, which only works
// inside a Next request: point that CommonJS module at the request under test.
let current: NextRequest;
const nextHeaders = createRequire(import.meta.url)("next/headers") as Record<string, unknown>;
nextHeaders.headers = async () => current.headers;
nextHeaders.cookies = async () => current.cookies;

const SECRET = "test-secret-test-secret-test-secret-0123";

async function setCookies(base: string, action: string, query = "", cookie?: string) {
  vi.resetModules(); // serverEnv() is read once per module instance
  vi.stubEnv("NEXTAUTH_URL", base);
  const { GET } = await import("@/app/api/auth/[...nextauth]/route");
  const { sessionCookieName } = await import("./options");
  current = new NextRequest(`${base}/api/auth/${action}${query}`, { headers: cookie ? { cookie: cookie.replace("NAME", sessionCookieName()) } : {} });
  const res = await GET(current, { params: Promise.resolve({ nextauth: [action] }) });
  return res.headers.getSetCookie();
}

const attributes = (cookies: string[], prefix: string) => {
  const line = cookies.find((c) => c.startsWith(prefix));
  expect(line, `a Set-Cookie starting with ${prefix} in ${JSON.stringify(cookies)}`).toBeDefined();
  return line!.split(";").slice(1).map((a) => a.trim().toLowerCase());
};

// Each case re-imports the route (fresh serverEnv), which takes a few seconds on a busy machine.
describe("auth cookies", { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllEnvs());

  const sessionCookie = async () => `NAME=${await encode({ token: { uid: "u", sv: 1 }, secret: SECRET })}`;

  it("over HTTPS: __Host- session and CSRF cookies, all Secure, HttpOnly, SameSite=Lax, Path=/", async () => {
    const base = "https://kontingent.example.ru";
    const session = attributes(await setCookies(base, "session", "", await sessionCookie()), "__Host-kt.session=");
    const csrf = attributes(await setCookies(base, "csrf"), "__Host-next-auth.csrf-token=");
    const callback = attributes(await setCookies(base, "signin", "?callbackUrl=%2Fschool"), "__Secure-next-auth.callback-url=");
    for (const attrs of [session, csrf, callback]) {
      expect(attrs).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "secure", "path=/"]));
      expect(attrs.some((a) => a.startsWith("domain="))).toBe(false); // __Host- forbids Domain; keep it host-only everywhere
    }
  });

  it("over plain HTTP (local runs): the same flags minus Secure, without the prefixes browsers would refuse", async () => {
    const base = "http://localhost:3000";
    const session = attributes(await setCookies(base, "session", "", await sessionCookie()), "kt.session=");
    const csrf = attributes(await setCookies(base, "csrf"), "next-auth.csrf-token=");
    const callback = attributes(await setCookies(base, "signin", "?callbackUrl=%2Fschool"), "next-auth.callback-url=");
    for (const attrs of [session, csrf, callback]) {
      expect(attrs).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/"]));
      expect(attrs).not.toContain("secure");
    }
  });
});
