// Every portal works under the strict CSP: each demo user's landing page loads
// with no CSP violation and no console error, and the answers carry the
// security headers (page, tRPC call, static file).
import { expect, test, type Page } from "@playwright/test";
import { API_HEADERS, DEMO_LANDINGS, signInAndLand } from "../helpers";

/** Collects CSP violations (reported in the page) and console errors from now on. */
async function watchProblems(page: Page) {
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console: ${msg.text()} ${msg.location().url}`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  await page.exposeFunction("reportCspViolation", (text: string) => problems.push(`csp: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  return problems;
}

for (const { login, portal, ready } of DEMO_LANDINGS) {
  test(`${login}: /${portal} renders under the CSP without violations`, async ({ page }) => {
    const problems = await watchProblems(page);
    await signInAndLand(page, login, portal);
    await expect(page.getByTestId(ready)).toBeVisible();
    const response = await page.reload();
    await expect(page.getByTestId(ready)).toBeVisible();
    await page.waitForLoadState("networkidle");

    const headers = response!.headers();
    const csp = headers["content-security-policy"];
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    // Next put this response's nonce on its scripts: the page ran (it is interactive) and the nonce matches.
    const nonce = /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
    expect(await page.locator("script[nonce]").count()).toBeGreaterThan(0);
    expect(await page.locator("script[src]").first().evaluate((s) => (s as HTMLScriptElement).nonce)).toBe(nonce);
    expect(headers["cache-control"]).toContain("no-store");
    expect(headers["strict-transport-security"]).toMatch(/max-age=\d{8,}; includeSubDomains/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");

    const api = await page.request.post("/api/trpc/session.me", { headers: API_HEADERS, data: {} });
    expect(api.status()).toBe(200);
    expect(api.headers()["cache-control"]).toBe("no-store");
    expect(api.headers()["x-content-type-options"]).toBe("nosniff");
    expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");

    expect(problems).toEqual([]);
  });
}

test("a second request gets a different nonce; static files stay cacheable but carry the headers", async ({ request, page }) => {
  const a = (await request.get("/login")).headers()["content-security-policy"];
  const b = (await request.get("/login")).headers()["content-security-policy"];
  expect(a).toBeTruthy();
  expect(a).not.toBe(b);
  await page.goto("/login");
  const src = await page.locator("script[src*='/_next/static/']").first().getAttribute("src");
  const asset = await request.get(src!);
  expect(asset.status()).toBe(200);
  expect(asset.headers()["cache-control"]).toMatch(/immutable|max-age=\d+/);
  expect(asset.headers()["x-content-type-options"]).toBe("nosniff");
  expect(asset.headers()["strict-transport-security"]).toBeTruthy();
});
