// A generated region in a throw-away test database (PGlite or PostgreSQL, as
// the test project says), for tests that need realistic volume and history.
import pg from "pg";
import { createTestDatabase, type TestDatabase } from "@/server/testing/test-db";
import { pgliteBulkTarget, postgresBulkTarget, type BulkTarget } from "./copy";
import { generateRegion, type GenerateOptions } from "./generate-region";

export interface TestRegion {
  db: TestDatabase;
  result: Awaited<ReturnType<typeof generateRegion>>;
  /** A bulk target on the same database (e.g. to try generating again). */
  bulk: () => BulkTarget;
  postgres: boolean;
  close(): Promise<void>;
}

export async function createTestRegion(options: Pick<GenerateOptions, "learners" | "seed" | "gradeYears">): Promise<TestRegion> {
  const db = await createTestDatabase();
  const client = db.url ? new pg.Client({ connectionString: db.url }) : undefined;
  await client?.connect();
  const bulk = () => (client ? postgresBulkTarget(client) : pgliteBulkTarget(db.pglite!));
  const result = await generateRegion(bulk(), db.prisma, { ...options, postgres: !!client, log: () => {} });
  return {
    db,
    result,
    bulk,
    postgres: !!client,
    async close() {
      await client?.end();
      await db.close();
    },
  };
}
