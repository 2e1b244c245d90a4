// The one door (route-door.ts) end to end, through the handlers the route
// files export: real NextRequests, real session cookies, a seeded database.
// A commit from another site (or with no Origin) writes nothing; a download
// another site starts is refused before it is built or audited; our own pages,
// typed URLs and clients without fetch metadata still get their files.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { sessionCookieName } from "../auth/options";
import { learnersCsv } from "../testing/import-fixtures";
import { sessionToken } from "../testing/sessions";
import { createSeededTestDatabase, describeDb } from "../testing/test-db";
import { accessReportExport } from "./access-report-files";
import { healthExport } from "./health-files";
import { learnerExport, learnerImport, learnerTemplate } from "./learner-files";
import { giaResultsExport, reportExport } from "./report-files";
import type { DoorHandler } from "./route-door";

const ORIGIN = "http://localhost:3000";
vi.stubEnv("NEXTAUTH_URL", ORIGIN);
const AS_OF = "2026-05-15";

type Download = { name: string; login: string; url: string; handler: DoorHandler<{ report: string }>; params?: { report: string }; action: string | null };
const DOWNLOADS: Download[] = [
  { name: "learner export", login: "school.admin", url: "/api/school/learners/export?grade=3", handler: learnerExport as never, action: "learner.export" },
  { name: "import template", login: "school.registrar", url: "/api/school/learners/import/template", handler: learnerTemplate as never, action: null },
  { name: "health export", login: "health.officer", url: `/api/health/export?report=groups&asOf=${AS_OF}`, handler: healthExport as never, action: "health.export" },
  { name: "ministry report", login: "edu.officer", url: `/api/ministry/reports/oo1?asOf=${AS_OF}&format=xlsx`, handler: reportExport, params: { report: "oo1" }, action: "report.export" },
  { name: "ГИА results XLSX", login: "edu.officer", url: "/api/ministry/gia?year=2025&kind=EGE&format=xlsx", handler: giaResultsExport as never, action: "report.export" },
  { name: "ГИА results PDF", login: "edu.officer", url: "/api/ministry/gia?year=2025&kind=OGE&format=pdf", handler: giaResultsExport as never, action: "report.export" },
  { name: "access report", login: "auditor", url: "/api/admin/access-reports/account-reads?login=school.admin&format=csv", handler: accessReportExport, params: { report: "account-reads" }, action: "audit.report.export" },
];

describeDb("the one door of the session routes", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  const cookieOf = async (login: string) => `${sessionCookieName()}=${await sessionToken(db.prisma, login)}`;
  const audits = (action: string) => db.prisma.auditEvent.count({ where: { action } });

  beforeAll(async () => {
    db = await createSeededTestDatabase();
  });
  afterAll(() => db?.close());

  it("refuses an import commit with no Origin, a foreign one or Origin: null — 403, nothing written, nothing audited", async () => {
    const cookie = await cookieOf("school.registrar");
    const learners = await db.prisma.learner.count();
    const events = await db.prisma.auditEvent.count();
    for (const origin of [null, "https://evil.example", "null", "http://localhost:3000.evil.example"]) {
      const form = new FormData();
      form.set("file", new File([learnersCsv(3)], "list.csv"));
      form.set("mode", "commit");
      const headers: Record<string, string> = { cookie, ...(origin ? { origin } : {}) };
      const res = await learnerImport(new NextRequest(`${ORIGIN}/api/school/learners/import`, { method: "POST", body: form, headers }), undefined, db.prisma);
      expect(res.status, String(origin)).toBe(403);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(await res.json()).toEqual({ error: "Запрос с чужого или неизвестного источника отклонён. Откройте систему по её адресу: http://localhost:3000" });
    }
    expect(await db.prisma.learner.count()).toBe(learners);
    expect(await db.prisma.auditEvent.count()).toBe(events);

    // The same upload from our own page goes through.
    const form = new FormData();
    form.set("file", new File([learnersCsv(3)], "list.csv"));
    form.set("mode", "commit");
    const ok = await learnerImport(new NextRequest(`${ORIGIN}/api/school/learners/import`, { method: "POST", body: form, headers: { cookie, origin: ORIGIN } }), undefined, db.prisma);
    expect(ok.status).toBe(200);
    const last = JSON.parse((await ok.text()).trim().split("\n").at(-1)!) as Record<string, unknown>;
    expect(last).toMatchObject({ type: "result", committed: true, created: 3 });
    expect(await db.prisma.learner.count()).toBe(learners + 3);
  });

  for (const d of DOWNLOADS) {
    it(`${d.name}: refuses a cross-site or same-site GET without building or auditing the file; same-origin, typed URL and no metadata get it`, async () => {
      const cookie = await cookieOf(d.login);
      const get = (headers: Record<string, string>) =>
        d.handler(new NextRequest(`${ORIGIN}${d.url}`, { headers: { cookie, ...headers } }), d.params ? { params: Promise.resolve(d.params) } : undefined, db.prisma);
      const before = d.action ? await audits(d.action) : 0;
      for (const site of ["cross-site", "same-site"]) {
        const refused = await get({ "sec-fetch-site": site, "sec-fetch-mode": "navigate", "sec-fetch-dest": "document" });
        expect(refused.status, site).toBe(403);
        expect(refused.headers.get("content-type")).toMatch(/application\/json/);
        expect(refused.headers.get("content-disposition")).toBeNull();
        expect((await refused.json()).error).toMatch(/с другого сайта/);
      }
      if (d.action) expect(await audits(d.action)).toBe(before);

      for (const headers of [{}, { "sec-fetch-site": "same-origin" }, { "sec-fetch-site": "none" }] as Record<string, string>[]) {
        const res = await get(headers);
        expect(res.status, JSON.stringify(headers)).toBe(200);
        expect(res.headers.get("cache-control")).toBe("no-store");
        expect(res.headers.get("x-content-type-options")).toBe("nosniff");
        expect(res.headers.get("content-disposition")).toMatch(/^attachment;/);
        await res.arrayBuffer();
      }
      if (d.action) expect(await audits(d.action)).toBe(before + 3);
    });
  }

  it("still answers 401 signed out and 403 to the wrong role, as JSON without caching", async () => {
    const anonymous = await learnerExport(new NextRequest(`${ORIGIN}/api/school/learners/export`), undefined, db.prisma);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("cache-control")).toBe("no-store");
    const wrongRole = await reportExport(
      new NextRequest(`${ORIGIN}/api/ministry/reports/oo1?asOf=${AS_OF}`, { headers: { cookie: await cookieOf("school.admin") } }),
      { params: Promise.resolve({ report: "oo1" }) },
      db.prisma,
    );
    expect(wrongRole.status).toBe(403);
  });
});
