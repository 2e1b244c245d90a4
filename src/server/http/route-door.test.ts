// The door's first check, where a request comes from, and the outage page.
import { describe, expect, it, vi } from "vitest";
import { refuseForeignSource } from "./route-door";
import { safeReturnPath, unavailablePage, unavailablePath } from "./unavailable-page";

vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
const URL_ = "http://localhost:3000/api/school/learners/export";

describe("refuseForeignSource", () => {
  const req = (method: string, headers: Record<string, string>) => new Request(URL_, { method, headers });

  it("lets a state-changing request through only with our own Origin", async () => {
    expect(refuseForeignSource(req("POST", { origin: "http://localhost:3000" }))).toBeNull();
    for (const headers of [{}, { origin: "https://evil.example" }, { origin: "null" }, { origin: "http://localhost:3000.evil.example" }] as Record<string, string>[]) {
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        const refused = refuseForeignSource(req(method, headers));
        expect(refused?.status, `${method} ${JSON.stringify(headers)}`).toBe(403);
        expect(await refused!.json()).toEqual({ error: "Запрос с чужого или неизвестного источника отклонён. Откройте систему по её адресу: http://localhost:3000" });
      }
    }
  });

  it("takes the other loopback names of a loopback origin, refuses a LAN address, and says why in the sender's language", async () => {
    expect(refuseForeignSource(req("POST", { origin: "http://127.0.0.1:3000" }))).toBeNull();
    expect(refuseForeignSource(req("POST", { origin: "http://[::1]:3000" }))).toBeNull();
    const lan = refuseForeignSource(req("POST", { origin: "http://192.168.1.20:3000", cookie: "kt-locale=en" }));
    expect(lan?.status).toBe(403);
    expect((await lan!.json()).error).toBe("Request refused: it came from a foreign or unknown origin. Open the system at its address: http://localhost:3000");
    const download = refuseForeignSource(req("GET", { "sec-fetch-site": "cross-site", cookie: "a=1; kt-locale=en" }));
    expect((await download!.json()).error).toMatch(/^Downloading through a link from another site/);
  });

  it("refuses a download another site started, keeps same-origin, typed URLs and clients without fetch metadata", async () => {
    for (const site of ["cross-site", "same-site", "CROSS-SITE"]) {
      const refused = refuseForeignSource(req("GET", { "sec-fetch-site": site }));
      expect(refused?.status, site).toBe(403);
      expect(refused!.headers.get("cache-control")).toBe("no-store");
      expect((await refused!.json()).error).toMatch(/с другого сайта/);
    }
    expect(refuseForeignSource(req("GET", { "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(refuseForeignSource(req("GET", { "sec-fetch-site": "none" }))).toBeNull();
    expect(refuseForeignSource(req("GET", {}))).toBeNull();
    expect(refuseForeignSource(req("HEAD", { "sec-fetch-site": "cross-site" }))?.status).toBe(403);
  });
});

describe("outage page", () => {
  it("offers a way back only to a path of our own", () => {
    expect(safeReturnPath("/school/learners")).toBe("/school/learners");
    expect(safeReturnPath("/ministry/learners/0b6f8c1e-7f51-4a43-9d8e-3c1c2d1e0f00")).toBe("/ministry/learners/0b6f8c1e-7f51-4a43-9d8e-3c1c2d1e0f00");
    for (const bad of [null, "", "//evil.example/x", "https://evil.example", "/\\evil.example", "/api/trpc/x", "/unavailable", "/a b", "javascript:alert(1)"]) {
      expect(safeReturnPath(bad), String(bad)).toBe("/");
    }
    expect(unavailablePath("/school/learners")).toBe("/unavailable?from=%2Fschool%2Flearners");
    expect(unavailablePath("//evil.example")).toBe("/unavailable");
  });

  it("answers 503 with Retry-After and a Russian message, English on request", async () => {
    const res = unavailablePage(new Request("http://localhost:3000/unavailable?from=%2Fschool%2Flearners"));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("30");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    expect(html).toContain("Сервис временно недоступен");
    expect(html).toContain('href="/school/learners"');
    expect(html).not.toMatch(/<script/);
    const en = unavailablePage(new Request("http://localhost:3000/unavailable?from=//evil.example", { headers: { cookie: "kt-locale=en" } }));
    const enHtml = await en.text();
    expect(enHtml).toContain("Service temporarily unavailable");
    expect(enHtml).toContain('href="/"');
  });
});
