// Three layers (see docs/testing.md): unit tests are pure; integration tests
// call tRPC procedures through createCaller against a real database, once on
// in-memory PGlite and once on a throw-away PostgreSQL database.
import path from "node:path";
import { defineConfig } from "vitest/config";
import { LongestFirstSequencer } from "./src/server/testing/longest-first-sequencer";

const integration = {
  include: ["src/**/*.integration.test.ts", "tools/**/*.integration.test.ts"],
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname, "src") } },
  test: {
    // Integration files that take minutes start first (longest-first-sequencer.ts).
    sequence: { sequencer: LongestFirstSequencer },
    env: {
      NEXTAUTH_SECRET: "test-secret-test-secret-test-secret-0123",
      TZ: "UTC",
      // Fixed test keys (32 bytes each, base64): never used outside tests.
      KONTINGENT_DATA_KEYS: "test1:dGVzdC1kYXRhLWtleS10ZXN0LWRhdGEta2V5LTAwMDE=",
      KONTINGENT_INDEX_KEY: "dGVzdC1pbmRleC1rZXktdGVzdC1pbmRleC1rZXktMTI=",
      KONTINGENT_AUDIT_ANCHOR_KEY: "dGVzdC1hbmNob3Ita2V5LXRlc3QtYW5jaG9yLWtleS0=",
    },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["src/**/*.test.ts", "prisma/**/*.test.ts", "tools/**/*.test.ts"], exclude: ["**/*.integration.test.ts"] },
      },
      {
        extends: true,
        // Two files at a time (the default is one on 2 cores): the fuzz files alone keep a worker busy for minutes.
        // The global setup migrates once (a snapshot in the temp directory, rebuilt when the migrations change).
        test: {
          name: "integration-pglite",
          ...integration,
          env: { TEST_DATABASE: "pglite" },
          globalSetup: ["src/server/testing/pglite-global-setup.ts"],
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: "integration-postgres",
          ...integration,
          env: { TEST_DATABASE: "postgres" },
          // Also migrates one template database per run.
          globalSetup: ["src/server/testing/postgres-global-setup.ts"],
          // Each file makes its own database (a copy of the template); two at a time keeps 2 cores busy.
          maxWorkers: 2,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
