// The hostile workbooks through the real upload door (route handler, session,
// Origin, the import body), not only through the reader: a 0.3 MB file whose
// one cell inflates to 300 MB and a 5 MB file of a million rows are refused
// with a 4xx and a Russian message, in bounded time and memory, and write
// nothing. Bounds are generous (a busy 2-core machine): they catch an
// unbounded read (seconds of CPU, gigabytes), not a slow one.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { sessionCookieName } from "../auth/options";
import { cellBomb, manyRows } from "../testing/hostile-xlsx";
import { sessionToken } from "../testing/sessions";
import { createSeededTestDatabase, describeDb } from "../testing/test-db";
import { learnerImport } from "./learner-files";

const ORIGIN = "http://localhost:3000";
vi.stubEnv("NEXTAUTH_URL", ORIGIN);

describeDb("hostile uploads through the import route", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  beforeAll(async () => {
    db = await createSeededTestDatabase();
  });
  afterAll(() => db?.close());

  async function upload(bytes: Buffer, mode: "dry-run" | "commit") {
    const form = new FormData();
    form.set("file", new File([new Uint8Array(bytes)], "list.xlsx"));
    form.set("mode", mode);
    const cookie = `${sessionCookieName()}=${await sessionToken(db.prisma, "school.registrar")}`;
    return learnerImport(new NextRequest(`${ORIGIN}/api/school/learners/import`, { method: "POST", body: form, headers: { cookie, origin: ORIGIN } }), undefined, db.prisma);
  }

  for (const [name, build] of [
    ["a 300 MB cell in a 0.3 MB file", () => cellBomb(300)],
    ["a million rows", () => manyRows(1_000_000)],
  ] as const) {
    it(`refuses ${name} with a 4xx, in bounded time and memory, writing nothing`, async () => {
      const bytes = build();
      const learners = await db.prisma.learner.count();
      global.gc?.();
      const rss = process.memoryUsage().rss;
      const started = Date.now();
      const res = await upload(bytes, "commit");
      const text = await res.text();
      expect(res.status, text).toBeGreaterThanOrEqual(400);
      expect(res.status, text).toBeLessThan(500);
      expect(text).toMatch(/[А-Яа-яЁё]/);
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(process.memoryUsage().rss - rss).toBeLessThan(500 * 1024 * 1024);
      expect(await db.prisma.learner.count()).toBe(learners);
    });
  }
});
