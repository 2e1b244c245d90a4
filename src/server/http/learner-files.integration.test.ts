// The upload/download route handlers end to end (minus the HTTP server): a
// signed session cookie, the same actor re-read as tRPC, NDJSON progress,
// status codes and JSON errors, the XLSX export and its audit record.
import iconv from "iconv-lite";
import { NextRequest } from "next/server";
import { sessionToken } from "../testing/sessions";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { sessionCookieName } from "../auth/options";
import { readRows } from "../services/learners/import/read-file";
import { HEADERS, learnerRow, learnersCsv, toCsv } from "../testing/import-fixtures";
import { createSeededTestDatabase, describeDb } from "../testing/test-db";
import { handleExport, handleImport, handleTemplate } from "./learner-files";

const BASE = "http://localhost:3000/api/school/learners";
// The app's own origin, for the export's Origin check (serverEnv() reads it once).
vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");

describeDb("learner import/export routes", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  const cookieOf = async (login: string) => {
    const token = await sessionToken(db.prisma, login);
    return `${sessionCookieName()}=${token}`;
  };
  const upload = async (login: string | null, bytes: Uint8Array, name: string, mode = "commit") => {
    const form = new FormData();
    form.set("file", new File([bytes as BlobPart], name));
    form.set("mode", mode);
    // Sent from our own page: the door refuses an upload without our Origin (route-door.integration.test.ts).
    const headers = { origin: "http://localhost:3000", ...(login ? { cookie: await cookieOf(login) } : {}) };
    return handleImport(new NextRequest(`${BASE}/import`, { method: "POST", body: form, headers }), db.prisma);
  };
  const get = async (login: string | null, url: string, handler: typeof handleExport) =>
    handler(new NextRequest(url, { headers: login ? { cookie: await cookieOf(login) } : undefined }), db.prisma);
  const lines = async (res: Response) => (await res.text()).trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);

  beforeAll(async () => {
    db = await createSeededTestDatabase();
  });
  afterAll(() => db?.close());

  it("answers 401 signed out and 403 to a role without the right, as JSON without caching", async () => {
    const csv = new Uint8Array(Buffer.from(learnersCsv(1)));
    const anonymous = await upload(null, csv, "a.csv");
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: "Требуется вход в систему" });
    expect(anonymous.headers.get("cache-control")).toBe("no-store");
    expect((await upload("school.medic", csv, "a.csv")).status).toBe(403);
    expect((await get("school.medic", `${BASE}/export`, handleExport)).status).toBe(403);
    expect((await get("edu.officer", `${BASE}/import/template`, handleTemplate)).status).toBe(403);
    expect((await get(null, `${BASE}/export`, handleExport)).status).toBe(401);
  });

  it("refuses a missing column and a wrong format with a clear error, writing nothing", async () => {
    const before = await db.prisma.learner.count();
    const noSnils = toCsv([HEADERS.filter((h) => h !== "СНИЛС"), learnerRow(0).filter((_, i) => HEADERS[i] !== "СНИЛС")]);
    const missing = await upload("school.registrar", new Uint8Array(Buffer.from(noSnils)), "a.csv");
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toMatch(/нет обязательных столбцов: «СНИЛС»/);
    const wrong = await upload("school.registrar", new Uint8Array(Buffer.from("%PDF-1.7")), "list.pdf");
    expect(wrong.status).toBe(415);
    expect(await wrong.json()).toEqual({ error: "Загрузите файл CSV или XLSX" });
    expect(await db.prisma.learner.count()).toBe(before);
  });

  it("imports a Windows-1251 CSV with progress lines, then exports the class to XLSX (audited)", async () => {
    const csv = new Uint8Array(iconv.encode(learnersCsv(1200, ","), "win1251"));
    const dry = await lines(await upload("school.registrar", csv, "Список.csv", "dry-run"));
    expect(dry.filter((l) => l.type === "progress").length).toBeGreaterThanOrEqual(3);
    expect(dry.at(-1)).toMatchObject({ type: "result", committed: false, created: 1200, errorCount: 0 });
    const res = await upload("school.registrar", csv, "Список.csv");
    expect(res.headers.get("content-type")).toMatch(/ndjson/);
    const commit = await lines(res);
    expect(commit.some((l) => l.type === "progress" && l.phase === "write")).toBe(true);
    expect(commit.at(-1)).toMatchObject({ type: "result", committed: true, created: 1200 });

    const exported = await get("school.admin", `${BASE}/export?grade=3&classLetter=б&sort=name`, handleExport);
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-disposition")).toMatch(/filename\*=UTF-8''/);
    const sheet = await readRows(new Uint8Array(await exported.arrayBuffer()), "export.xlsx");
    expect(sheet.header).toEqual(HEADERS);
    const expected = Array.from({ length: 1200 }, (_, i) => i).filter((i) => i % 11 === 2 && i % 3 === 1).length;
    expect(sheet.rows).toHaveLength(expected);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "learner.export" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorLogin: "school.admin", details: { filters: { grade: 3, classLetter: "б" }, rows: expected } });

    // The export re-imports as is: nothing to change.
    const again = await lines(await upload("school.registrar", new Uint8Array(await (await get("school.admin", `${BASE}/export?grade=3&classLetter=Б`, handleExport)).arrayBuffer()), "export.xlsx"));
    expect(again.at(-1)).toMatchObject({ type: "result", committed: true, created: 0, updated: 0, unchanged: expected });
  });

  it("takes the name/SNILS search only in a same-origin POST body, never in the export URL", async () => {
    const inUrl = await get("school.admin", `${BASE}/export?search=${encodeURIComponent("Иванов")}`, handleExport);
    expect(inUrl.status).toBe(400);
    expect((await inUrl.json()).error).toMatch(/только в теле запроса/);
    const post = async (origin: string | null) =>
      handleExport(
        new NextRequest(`${BASE}/export`, {
          method: "POST",
          body: new URLSearchParams({ search: "Иванов", grade: "3" }),
          headers: { cookie: await cookieOf("school.admin"), ...(origin ? { origin } : {}) },
        }),
        db.prisma,
      );
    const ok = await post("http://localhost:3000");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("no-store");
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "learner.export" }, orderBy: { id: "desc" } });
    // The typed name is kept as initials only: no personal data in audit details.
    expect(audit.details).toMatchObject({ filters: { search: "И***", grade: 3 } });
    expect((await post("https://evil.example")).status).toBe(403);
    expect((await post(null)).status).toBe(403);
  });

  it("serves the template as XLSX and as CSV", async () => {
    const xlsx = await get("school.registrar", `${BASE}/import/template`, handleTemplate);
    expect(xlsx.headers.get("content-type")).toMatch(/spreadsheetml/);
    const csv = await get("school.registrar", `${BASE}/import/template?format=csv`, handleTemplate);
    expect(iconv.decode(Buffer.from(await csv.arrayBuffer()), "win1251")).toMatch(/^Фамилия;Имя;/);
  });
});
