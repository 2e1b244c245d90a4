// Three layers (see README, "Tests"): unit tests are pure; integration tests
// call tRPC procedures through createCaller against a real database, once on
// in-memory PGlite and once on a throw-away PostgreSQL database.
import path from "node:path";
import { defineConfig } from "vitest/config";

const integration = {
  include: ["src/**/*.integration.test.ts"],
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname, "src") } },
  test: {
    env: { NEXTAUTH_SECRET: "test-secret-test-secret-test-secret-0123", TZ: "UTC" },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["src/**/*.test.ts", "prisma/**/*.test.ts"], exclude: ["**/*.integration.test.ts"] },
      },
      {
        extends: true,
        test: { name: "integration-pglite", ...integration, env: { TEST_DATABASE: "pglite" }, sequence: { groupOrder: 1 } },
      },
      {
        extends: true,
        test: {
          name: "integration-postgres",
          ...integration,
          env: { TEST_DATABASE: "postgres" },
          globalSetup: ["src/server/testing/postgres-global-setup.ts"],
          // Each file makes its own database; two at a time keeps 2 cores busy.
          maxWorkers: 2,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
