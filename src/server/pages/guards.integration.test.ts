// A portal page while the database is unreachable: the layout's session check
// fails with a real connection error (a PostgreSQL address where nothing
// listens), and the page answers with a redirect to /unavailable — a 503 with
// a Russian message — instead of Next's generic 500. Needs no test database.
import { encode } from "next-auth/jwt";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined), getAll: () => [...jar].map(([name, value]) => ({ name, value })) }),
  headers: async () => new Headers({ "x-kt-page-path": "/school/learners" }),
}));

async function thrownBy(render: () => Promise<unknown>): Promise<unknown> {
  return render().then(
    () => null,
    (e: unknown) => e,
  );
}

describe("portal pages during a database outage", () => {
  const saved = process.env.DATABASE_URL;

  beforeAll(async () => {
    // Port 9 (discard) on loopback: nothing listens, every query fails at once with ECONNREFUSED.
    process.env.DATABASE_URL = "postgresql://kontingent@127.0.0.1:9/kontingent";
    const { serverEnv } = await import("../env");
    const { sessionCookieName } = await import("../auth/options");
    jar.set(sessionCookieName(), await encode({ token: { sid: "0b6f8c1e-7f51-4a43-9d8e-3c1c2d1e0f00" }, secret: serverEnv().NEXTAUTH_SECRET }));
  });

  afterAll(async () => {
    const { getDb } = await import("../db");
    await (await getDb()).$disconnect().catch(() => {});
    process.env.DATABASE_URL = saved;
  });

  it("the school layout redirects to the 503 page, with the way back to the page asked for", async () => {
    const { default: SchoolLayout } = await import("@/app/school/layout");
    const error = await thrownBy(() => SchoolLayout({ children: null }));
    expect(isRedirectError(error), String(error)).toBe(true);
    expect(getURLFromRedirectError(error as never)).toBe("/unavailable?from=%2Fschool%2Flearners");
  }, 30_000);

  it("so do the pages themselves (they check the session in parallel with the layout) and the sign-in page", async () => {
    const { default: LearnersPage } = await import("@/app/school/learners/page");
    const { default: LoginPage } = await import("@/app/(auth)/login/page");
    for (const render of [() => LearnersPage(), () => LoginPage({ searchParams: Promise.resolve({}) })]) {
      const error = await thrownBy(render);
      expect(isRedirectError(error), String(error)).toBe(true);
      expect(getURLFromRedirectError(error as never)).toMatch(/^\/unavailable/);
    }
  }, 30_000);

  it("any other error is not mistaken for an outage", async () => {
    const { orUnavailable } = await import("./guards");
    const bug = new TypeError("x is undefined");
    await expect(orUnavailable(() => Promise.reject(bug))).rejects.toBe(bug);
  });
});
