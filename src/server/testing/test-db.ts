// A fresh, fully migrated database per test file: in-memory PGlite, or a
// throw-away PostgreSQL database that is dropped afterwards. No mocks. Both are
// copies of the run's migrated template (the projects' global setups, see
// migrated-template.ts) rather than migrated again in every file.
import { describe, inject } from "vitest";
import { seedDemoRegion } from "../../../prisma/seed/demo-region";
import { seedTestClasses } from "./class-fixtures";
import { createThrowawayDatabase, type ThrowawayDatabase } from "./throwaway-db";

export type TestDatabase = ThrowawayDatabase;

export const testDatabaseKind = (process.env.TEST_DATABASE ?? "pglite") as TestDatabase["kind"];

/** `describe` that skips when its database is unavailable (PostgreSQL not reachable). */
export function describeDb(name: string, fn: () => void) {
  const available = testDatabaseKind === "pglite" || inject("postgresReachable");
  return (available ? describe : describe.skip)(`${name} [${testDatabaseKind}]`, fn);
}

export function createTestDatabase(): Promise<TestDatabase> {
  return createThrowawayDatabase(testDatabaseKind, undefined, {
    pgliteSnapshot: testDatabaseKind === "pglite" ? inject("pgliteSnapshot") : undefined,
    postgresTemplate: testDatabaseKind === "postgres" ? inject("postgresTemplate") : undefined,
  });
}

/** A migrated database holding the demo region, with classes in its schools (class-fixtures.ts). */
export async function createSeededTestDatabase() {
  const db = await createTestDatabase();
  const seeded = await seedDemoRegion(db.prisma);
  await seedTestClasses(db.prisma, seeded.organisationIds);
  return { ...db, seeded };
}
