// Issue 18, item 12: a large import used to hold the audit chain's lock from
// its first learner row to its commit (the federal change log's trigger took
// it), so every audited read of every school waited and, after Prisma's 5 s
// transaction timeout, failed. Now the change log's entries are moved into
// the log at commit (migration …_learner_change_at_commit) and the import's
// audit row is its last statement: other schools' reads keep answering.
// The bound (2 s) is a generous ceiling that cannot flake, not a speed goal:
// a stalled read waits for the whole commit (seconds) and then fails at 5 s.
// Both sides connect as the least-privilege application role, as the server
// does in production. PostgreSQL only: the embedded PGlite has one connection,
// so there every query waits for any open transaction by design.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedDemoRegion } from "../../../../../prisma/seed/demo-region";
import { seedTestClasses } from "../../../testing/class-fixtures";
import { connectAsAppRole, type AppRoleConnection } from "../../../testing/app-role-db";
import { callerAs } from "../../../testing/callers";
import { learnerInput } from "../../../testing/learner-fixtures";
import { startTsx } from "../../../testing/faults/child-process";
import { testDatabaseKind } from "../../../testing/test-db";
import { createThrowawayDatabase, type ThrowawayDatabase } from "../../../testing/throwaway-db";

const ROWS = 20_000;
const READ_EVERY_MS = 100;
const READ_BOUND_MS = 2_000;
const onPostgres = testDatabaseKind === "postgres" && inject("postgresReachable");

(onPostgres ? describe : describe.skip)(`audited reads during a ${ROWS}-row import [${testDatabaseKind}]`, () => {
  let db: ThrowawayDatabase;
  let app: AppRoleConnection;

  beforeAll(async () => {
    db = await createThrowawayDatabase("postgres", "kt_stall");
    await seedTestClasses(db.prisma, (await seedDemoRegion(db.prisma)).organisationIds);
    app = await connectAsAppRole(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("another school's list and card keep answering while the import writes and commits", async () => {
    const other = await callerAs(app.prisma, "school2.admin");
    const { id: cardId } = await other.learners.create(learnerInput({ acknowledgeDuplicate: true }));

    const logBefore = Number((await db.sql.query<{ id: string }>(`SELECT coalesce(max(id), 0)::text AS id FROM "LearnerChange"`))[0]!.id);
    // The import runs in its own process, as on another server instance: its
    // parsing and checking keep that event loop busy, not the readers'.
    const child = startTsx("src/server/testing/faults/import-commit-child.ts", { DATABASE_URL: app.url, IMPORT_ROWS: String(ROWS) });
    let writing = false;
    let done = false;
    const reads: { ms: number; duringWrite: boolean; error?: unknown }[] = [];
    const readLoop = (async () => {
      for (let i = 0; !done; i++) {
        const started = performance.now();
        const duringWrite = writing;
        try {
          if (i % 2 === 0) await other.learners.list({ page: 0, pageSize: 20 });
          else await other.learners.card({ id: cardId });
          reads.push({ ms: performance.now() - started, duringWrite });
        } catch (error) {
          reads.push({ ms: performance.now() - started, duringWrite, error });
        }
        await new Promise((resolve) => setTimeout(resolve, READ_EVERY_MS));
      }
    })();

    try {
      await child.waitForLine([/^WRITING /, /^DONE /], 240_000);
      writing = true;
      const line = await child.waitForLine([/^DONE /], 240_000);
      expect(JSON.parse(line.slice("DONE ".length))).toEqual({ committed: true, created: ROWS, errors: 0 });
    } finally {
      done = true;
      child.process.kill("SIGKILL");
      await readLoop;
    }

    expect(reads.filter((r) => r.error).map((r) => String(r.error))).toEqual([]);
    expect(reads.filter((r) => r.duringWrite).length, "reads made while the import wrote").toBeGreaterThanOrEqual(3);
    const slowest = Math.max(...reads.map((r) => r.ms));
    expect(slowest, `slowest of ${reads.length} reads`).toBeLessThan(READ_BOUND_MS);

    // The import's audit row and its change-log entries are all there: one
    // learner.import row; two entries per learner (its row and its enrolment),
    // in LearnerChange and none left in the queue.
    const count = async (sql: string) => Number((await db.sql.query<{ n: string }>(sql))[0]!.n);
    expect(await count(`SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'learner.import'`)).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM "LearnerChange" WHERE id > ${logBefore}`)).toBe(2 * ROWS);
    expect(await count(`SELECT count(*) AS n FROM "LearnerChangePending"`)).toBe(0);
  }, 300_000);
});
