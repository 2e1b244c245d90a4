// The distribution plan (./distribution.ts) against the live catalog of a fully
// migrated database, on PGlite and on PostgreSQL: every table in exactly one
// list, and every table claimed ready keyed the way Citus requires. Tables
// marked not ready are printed with what still blocks them.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, describeDb, type TestDatabase } from "../testing/test-db";
import { DISTRIBUTED_BY_LEARNER } from "./distribution";
import { checkDistribution, PLAN, type DistributionPlan } from "./distribution-check";

describeDb("distribution plan vs catalog", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.close());

  it("lists every table once and keys every ready learner-distributed table on learnerId", async () => {
    const report = await checkDistribution(db.sql);
    expect(report.failures).toEqual([]);
    for (const t of report.notReady) console.info(`not yet ready for distribution: ${t.table} (${t.reason}): ${t.problems.join("; ")}`);
    // The doc and the list agree on what remains: exactly the tables marked not ready.
    expect(report.notReady.map((t) => t.table).sort()).toEqual(DISTRIBUTED_BY_LEARNER.filter((t) => !t.ready).map((t) => t.table).sort());
  });

  it("reports the re-keyed tables' composite corrections as co-located", async () => {
    const [row] = await db.sql.query<{ def: string }>(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'HealthRecord_learnerId_supersedesId_fkey'`,
    );
    expect(row?.def).toMatch(/FOREIGN KEY \("learnerId", "supersedesId"\) REFERENCES "HealthRecord"\("learnerId", id\)/);
    // An order names its enrolment, transfer and cancelled order with its own learner.
    const orders = await db.sql.query<{ def: string }>(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE conrelid = '"MovementEvent"'::regclass AND contype = 'f' AND conname <> 'MovementEvent_learnerId_fkey' ORDER BY conname`,
    );
    expect(orders.map((o) => o.def)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^FOREIGN KEY \("learnerId", "enrolmentId"\) REFERENCES "Enrolment"\("learnerId", id\)/),
        expect.stringMatching(/^FOREIGN KEY \("learnerId", "transferId"\) REFERENCES "Transfer"\("learnerId", id\)/),
        expect.stringMatching(/^FOREIGN KEY \("learnerId", "cancelsEventId"\) REFERENCES "MovementEvent"\("learnerId", id\)/),
      ]),
    );
  });

  it("fails a table in no list, in two lists, or claimed ready with keys Citus would refuse", async () => {
    await db.sql.exec(`
      CREATE TABLE "DistributionProbe" (
        "id" uuid PRIMARY KEY,
        "learnerId" uuid NOT NULL REFERENCES "Learner"("id") ON UPDATE CASCADE,
        "healthRecordId" uuid,
        "sessionId" uuid REFERENCES "UserSession"("id"),
        CONSTRAINT "DistributionProbe_health_fkey" FOREIGN KEY ("learnerId", "healthRecordId")
          REFERENCES "HealthRecord"("learnerId", "id") ON DELETE SET NULL
      );
      CREATE UNIQUE INDEX "DistributionProbe_health_key" ON "DistributionProbe"("healthRecordId");
      CREATE TABLE "ReferenceProbe" ("learnerId" uuid REFERENCES "Learner"("id"));`);
    try {
      const unlisted = await checkDistribution(db.sql);
      expect(unlisted.failures).toEqual(
        expect.arrayContaining([
          "DistributionProbe: in no list of src/server/db/distribution.ts",
          "ReferenceProbe: in no list of src/server/db/distribution.ts",
        ]),
      );

      const plan: DistributionPlan = {
        distributed: [...PLAN.distributed, { table: "DistributionProbe", column: "learnerId", ready: true }],
        reference: [...PLAN.reference, { table: "ReferenceProbe" }, { table: "Region" }],
        coordinator: PLAN.coordinator,
      };
      const { failures } = await checkDistribution(db.sql, plan);
      expect(failures).toEqual(
        expect.arrayContaining([
          "Region: in more than one list (reference, reference)",
          "DistributionProbe: unique index DistributionProbe_pkey (id) lacks learnerId",
          "DistributionProbe: unique index DistributionProbe_health_key (healthRecordId) lacks learnerId",
          expect.stringMatching(/^DistributionProbe: foreign key DistributionProbe_learnerId_fkey: ON UPDATE CASCADE$/),
          "DistributionProbe: foreign key DistributionProbe_health_fkey: ON DELETE SET NULL",
          expect.stringMatching(/^DistributionProbe: foreign key DistributionProbe_sessionId_fkey references coordinator-only UserSession$/),
          expect.stringMatching(/^ReferenceProbe: foreign key ReferenceProbe_learnerId_fkey from a reference table to distributed Learner$/),
        ]),
      );
      // A not-ready table that the catalog shows compatible must be marked ready.
      const stale: DistributionPlan = {
        ...PLAN,
        distributed: PLAN.distributed.map((t) => (t.table === "Achievement" ? { ...t, ready: false, reason: "probe" } : t)),
      };
      expect((await checkDistribution(db.sql, stale)).failures).toContain(
        "Achievement: marked not ready but the catalog shows no problem: mark it ready",
      );
    } finally {
      await db.sql.exec(`DROP TABLE "DistributionProbe"; DROP TABLE "ReferenceProbe";`);
    }
  });
});
