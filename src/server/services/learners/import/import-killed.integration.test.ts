// The importer's all-or-nothing promise under the harshest failure: the
// process committing a large batch is killed with SIGKILL while its write
// transaction is open. PostgreSQL must roll the whole batch back (no learner,
// representative, link, consent, enrolment, movement event or audit row of
// it survives), and running the same import again must then succeed, once.
// PostgreSQL only: an in-memory PGlite dies with its process.
import { signedInClaims } from "@/server/testing/sessions";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedDemoRegion } from "../../../../../prisma/seed/demo-region";
import { seedTestClasses } from "../../../testing/class-fixtures";
import { loadActor } from "../../../auth/actor";
import { pollUntil, startTsx } from "../../../testing/faults/child-process";
import { learnersCsv } from "../../../testing/import-fixtures";
import { testDatabaseKind } from "../../../testing/test-db";
import { createThrowawayDatabase, type ThrowawayDatabase } from "../../../testing/throwaway-db";
import { importLearners } from "./import-learners";
import { readRows } from "./read-file";

const ROWS = Number(process.env.KILL_TEST_ROWS ?? 20_000);
const onPostgres = testDatabaseKind === "postgres" && inject("postgresReachable");

const TABLES = ["Learner", "Representative", "LearnerRepresentative", "Consent", "Enrolment", "MovementEvent"] as const;

(onPostgres ? describe : describe.skip)(`importer killed mid-batch (${ROWS} rows) [${testDatabaseKind}]`, () => {
  let db: ThrowawayDatabase;
  const counts = async () => {
    const result = {} as Record<(typeof TABLES)[number] | "importAudit", number>;
    for (const table of TABLES) result[table] = Number((await db.sql.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`))[0]!.n);
    result.importAudit = Number((await db.sql.query<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'learner.import'`))[0]!.n);
    return result;
  };
  /** Backends of the test database other than our own connections, with their transaction state. */
  const otherBackends = () =>
    db.sql.query<{ pid: number; state: string; xid: string | null }>(
      `SELECT pid, state, backend_xid::text AS xid FROM pg_stat_activity
        WHERE datname = $1 AND pid <> pg_backend_pid() AND application_name NOT LIKE 'vitest%' AND backend_type = 'client backend'`,
      [db.name],
    );

  beforeAll(async () => {
    db = await createThrowawayDatabase("postgres", "kt_kill");
    await seedTestClasses(db.prisma, (await seedDemoRegion(db.prisma)).organisationIds);
  });
  afterAll(() => db?.close());

  it("SIGKILL during the commit leaves none of the batch, and the re-run then commits it exactly once", async () => {
    const before = await counts();
    const ownBackends = new Set((await otherBackends()).map((b) => b.pid));
    const child = startTsx("src/server/testing/faults/import-commit-child.ts", { DATABASE_URL: db.url!, IMPORT_ROWS: String(ROWS) });
    try {
      // Generous: checking 20,000 rows takes seconds on a free machine, minutes on a loaded one.
      const marker = await child.waitForLine([/^WRITING /, /^DONE /], 300_000);
      expect(marker, "the commit finished before it could be killed: raise KILL_TEST_ROWS").toMatch(/^WRITING /);
      // The marker says the first chunk is written; PostgreSQL confirms a writing transaction is open.
      await pollUntil(
        "the child's open write transaction",
        async () => (await otherBackends()).some((b) => !ownBackends.has(b.pid) && b.xid !== null),
        10_000,
        20,
      );
      child.process.kill("SIGKILL");
      expect((await child.exited).signal).toBe("SIGKILL");
      expect(child.output(), "the commit finished before it could be killed").not.toMatch(/^DONE /m);
    } finally {
      child.process.kill("SIGKILL");
    }
    // The server notices the dead client and rolls back; wait until its backend is gone.
    await pollUntil("the killed child's backend to end", async () => (await otherBackends()).every((b) => ownBackends.has(b.pid)), 30_000);

    const after = await counts();
    expect(after).toEqual(before);

    // The same file again, in this process: it commits everything once…
    const actor = (await loadActor(db.prisma, await signedInClaims(db.prisma, "school.registrar")))!;
    const file = new Uint8Array(Buffer.from(learnersCsv(ROWS), "utf8"));
    const run = async () => importLearners(db.prisma, actor, await readRows(file, "batch.csv"), { commit: true, fileName: "batch.csv", ip: null });
    expect(await run()).toMatchObject({ committed: true, created: ROWS, updated: 0, errorCount: 0 });
    const committed = await counts();
    for (const table of TABLES) {
      expect(committed[table] - before[table], table).toBe(ROWS);
    }
    expect(committed.importAudit - before.importAudit).toBe(1);
    // …and a second re-run changes nothing.
    expect(await run()).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: ROWS, errorCount: 0 });
  }, 600_000);
});
