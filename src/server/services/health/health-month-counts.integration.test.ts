// The months the health statistics keep counts for: which are counted, when,
// and when they go. Whether the counts are right is as-of-recount's subject.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestRegion, type TestRegion } from "../../../../tools/generate/test-region";
import { describeDb, type TestDatabase } from "../../testing/test-db";
import { rebuildLearnerSummary } from "../summary/learner-summary";
import { HEALTH_MONTHS_KEPT, countHealthMonth, countNextHealthMonth, healthMonthHeld, oldestKeptMonth } from "./health-month-counts";
import { regionToday } from "@/lib/time-zone";

describeDb("health month counts: the months held", () => {
  let region: TestRegion;
  let db: TestDatabase;
  const held = async () =>
    (await db.sql.query<{ month: string }>(`SELECT "month"::text AS month FROM "HealthMonth" ORDER BY 1 DESC`)).map((r) => r.month);

  beforeAll(async () => {
    region = await createTestRegion({ learners: 120, seed: 5, gradeYears: 2 });
    db = region.db;
  });
  afterAll(async () => {
    await region?.close();
  });

  it("counts the kept months newest first, one per call, then nothing", async () => {
    const counted: string[] = [];
    for (let month = await countNextHealthMonth(db.prisma); month; month = await countNextHealthMonth(db.prisma)) {
      counted.push(month);
    }
    expect(counted).toHaveLength(HEALTH_MONTHS_KEPT);
    expect(counted[0]).toBe(`${regionToday().slice(0, 7)}-01`); // the region's month, not UTC's
    expect([...counted].sort().reverse()).toEqual(counted);
    expect(await held()).toEqual(counted);
    const [counts] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "HealthMonthCount" WHERE "month" = $1::date`, [counted[0]]);
    expect(counts!.n, "the current month has counted groups").toBeGreaterThan(0);
  });

  it("counts no month before the window, and drops held months that fell out of it", async () => {
    const oldest = oldestKeptMonth();
    const before = `${Number(oldest.slice(0, 4)) - 1}-${oldest.slice(5)}`;
    await countHealthMonth(db.prisma, before);
    expect(await held()).not.toContain(before);
    // A month held since it was recent, now older than the window: not read, and dropped by the next count.
    await db.sql.query(`DELETE FROM "HealthMonth" WHERE "month" = $1::date`, [oldest]);
    await db.sql.query(`INSERT INTO "HealthMonth" ("month") VALUES ($1::date)`, [before]);
    expect(await healthMonthHeld(db.prisma, before)).toBe(false);
    expect(await healthMonthHeld(db.prisma, oldest)).toBe(false);
    await countHealthMonth(db.prisma, oldest);
    expect(await healthMonthHeld(db.prisma, oldest)).toBe(true);
    expect(await held()).not.toContain(before);
  });

  it("drops every month with a rebuild of the summary (they are counted again when read)", async () => {
    expect((await held()).length).toBeGreaterThan(0);
    await rebuildLearnerSummary(db.prisma);
    expect(await held()).toEqual([]);
    const [counts] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "HealthMonthCount"`);
    expect(counts!.n).toBe(0);
  });
});
