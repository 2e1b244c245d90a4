// CVE-2025-29927: a forged `x-middleware-subrequest` header once made Next
// skip middleware. Access here never depends on the proxy, so the header
// changes nothing: signed out → login / 401, wrong role → 403.
import { expect, test } from "@playwright/test";
import { API_HEADERS, signInAndLand } from "../helpers";

const FORGED = [
  "middleware",
  "src/middleware",
  "proxy",
  "src/proxy",
  "middleware:middleware:middleware:middleware:middleware",
  "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy",
];

for (const value of FORGED) {
  test(`x-middleware-subrequest: ${value} opens nothing`, async ({ browser, playwright }) => {
    const anonymous = await playwright.request.newContext({ baseURL: API_HEADERS.origin, extraHTTPHeaders: { "x-middleware-subrequest": value } });
    const page = await anonymous.get("/school/learners", { maxRedirects: 0 });
    expect([302, 303, 307, 308]).toContain(page.status());
    expect(page.headers()["location"]).toMatch(/\/login/);
    const api = await anonymous.post("/api/trpc/learners.list", { headers: API_HEADERS, data: { json: { page: 0, pageSize: 50, sort: "name", order: "asc" } } });
    expect(api.status()).toBe(401);
    expect((await anonymous.get("/api/school/learners/export")).status()).toBe(401);
    await anonymous.dispose();

    const context = await browser.newContext({ extraHTTPHeaders: { "x-middleware-subrequest": value } });
    const medic = await context.newPage();
    await signInAndLand(medic, "school.medic", "school");
    expect((await medic.goto("/ministry"))?.status()).toBe(403);
    expect((await medic.request.get("/api/school/learners/export")).status()).toBe(403);
    const forbidden = await medic.request.post("/api/trpc/admin.users.list?batch=1", { headers: API_HEADERS, data: { 0: { json: {} } } });
    expect(forbidden.status()).toBe(403);
    await context.close();
  });
}
