// /api/trpc at the HTTP level (the route's handler with a Request, a signed
// session cookie and a test database): the transport rules that keep personal
// data out of URLs and refuse cross-site or oversized calls.
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { sessionToken } from "../testing/sessions";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import superjson from "superjson";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { sessionCookieName } from "../auth/options";
import { serverEnv } from "../env";
import { createSeededTestDatabase, describeDb } from "../testing/test-db";
import type { AppRouter } from "../trpc/root";
import { handleTrpc } from "./trpc-handler";

// The app's own origin comes from NEXTAUTH_URL (read once per process by serverEnv()).
vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
const ORIGIN = "http://localhost:3000";
const API = `${ORIGIN}/api/trpc`;

describeDb("tRPC transport rules", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let cookie: string;
  const json = (body: unknown) => JSON.stringify(body);
  const call = (url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
    handleTrpc(new NextRequest(url, { method: init.method ?? "POST", headers: { cookie, ...init.headers }, body: init.body }), db.prisma);
  const browserHeaders = { origin: ORIGIN, "content-type": "application/json" };
  const searchBody = json({ 0: superjson.serialize({ query: "Иванов" }) });

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    cookie = `${sessionCookieName()}=${await sessionToken(db.prisma, "school.registrar")}`;
  });
  afterAll(() => db?.close());

  it("answers a same-origin JSON POST: a mutation, and a query sent as POST", async () => {
    const search = await call(`${API}/learners.search?batch=1`, { headers: browserHeaders, body: searchBody });
    expect(search.status).toBe(200);
    expect(search.headers.get("cache-control")).toBe("no-store");
    // The proxy does not run for /api/trpc: the handler sets the policy itself.
    expect(search.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    const me = await call(`${API}/session.me?batch=1`, { headers: browserHeaders, body: json({ 0: superjson.serialize(undefined) }) });
    expect(me.status).toBe(200);
    expect(JSON.stringify(await me.json())).toContain("school.registrar");
  });

  it("refuses a mutation from another origin and one without an Origin", async () => {
    const cross = await call(`${API}/learners.search?batch=1`, { headers: { ...browserHeaders, origin: "https://evil.example" }, body: searchBody });
    expect(cross.status).toBe(403);
    expect(cross.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    // A tRPC error per call (superjson-encoded), which the browser's client can read.
    const [refusal] = (await cross.json()) as [{ error: { json: { message: string; data: { code: string; httpStatus: number } } } }];
    expect(refusal.error.json).toMatchObject({
      message: "Запрос с чужого или неизвестного источника отклонён. Откройте систему по её адресу: http://localhost:3000",
      data: { code: "FORBIDDEN", httpStatus: 403 },
    });
    const missing = await call(`${API}/learners.search?batch=1`, { headers: { "content-type": "application/json" }, body: searchBody });
    expect(missing.status).toBe(403);
    const sneaky = await call(`${API}/learners.search?batch=1`, { headers: { ...browserHeaders, origin: "http://localhost:3000.evil.example" }, body: searchBody });
    expect(sneaky.status).toBe(403);
  });

  it("refuses a text/plain body (what a cross-site form could send)", async () => {
    const res = await call(`${API}/learners.search?batch=1`, { headers: { ...browserHeaders, "content-type": "text/plain" }, body: searchBody });
    expect(res.status).toBe(415);
    expect(JSON.stringify(await res.json())).toMatch(/application\/json/);
  });

  it("refuses a batch of more than 10 calls with a clear JSON error", async () => {
    const paths = Array.from({ length: 11 }, () => "session.me").join(",");
    const body = json(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [i, superjson.serialize(undefined)])));
    const res = await call(`${API}/${paths}?batch=1`, { headers: browserHeaders, body });
    expect(res.status).toBe(400);
    const refusals = (await res.json()) as { error: { json: { message: string } } }[];
    expect(refusals).toHaveLength(11);
    expect(refusals[10]!.error.json.message).toBe("В одном запросе не больше 10 вызовов");
    const ten = await call(`${API}/${Array.from({ length: 10 }, () => "session.me").join(",")}?batch=1`, { headers: browserHeaders, body });
    expect(ten.status).toBe(200);
  });

  it("refuses GET, so a name or SNILS never travels in a URL", async () => {
    const input = encodeURIComponent(json({ 0: superjson.serialize({ search: "Иванов", page: 0, pageSize: 50, sort: "name", order: "asc" }) }));
    const res = await call(`${API}/learners.list?batch=1&input=${input}`, { method: "GET", headers: { origin: ORIGIN } });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    expect(JSON.stringify(await res.json())).toMatch(/только методом POST/);
    // The same list, sent as the browser link now sends it, is answered.
    const post = await call(`${API}/learners.list?batch=1`, { headers: browserHeaders, body: decodeURIComponent(input) });
    expect(post.status).toBe(200);
  });

  // What the browser's tRPC client makes of it: the page opened at one origin calls from it.
  const clientAt = (origin: string, locale?: string) =>
    createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: API,
          transformer: superjson,
          methodOverride: "POST",
          headers: { origin, cookie: locale ? `${cookie}; kt-locale=${locale}` : cookie },
          fetch: (url, init) => handleTrpc(new NextRequest(String(url), init as RequestInit & { signal?: AbortSignal }), db.prisma),
        }),
      ],
    });

  it("answers a page opened at another loopback name of a loopback origin", async () => {
    for (const origin of ["http://127.0.0.1:3000", "http://[::1]:3000"]) {
      expect((await clientAt(origin).session.me.query())?.login, origin).toBe("school.registrar");
    }
  });

  it("gives the browser's client the refusal's reason, in the page's language, for a LAN address", async () => {
    const ru = await clientAt("http://192.168.1.20:3000").session.me.query().catch((e: unknown) => e);
    expect(ru).toBeInstanceOf(TRPCClientError);
    expect((ru as TRPCClientError<AppRouter>).message).toBe("Запрос с чужого или неизвестного источника отклонён. Откройте систему по её адресу: http://localhost:3000");
    expect((ru as TRPCClientError<AppRouter>).data?.code).toBe("FORBIDDEN");
    const en = await clientAt("http://192.168.1.20:3000", "en").session.me.query().catch((e: unknown) => e);
    expect((en as Error).message).toBe("Request refused: it came from a foreign or unknown origin. Open the system at its address: http://localhost:3000");
  });
});
