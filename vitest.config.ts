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

// Integration files share one module graph per worker (isolate: false): each
// file opens its own database and passes it down, so what the app's modules
// keep between files is only what they keep between requests anyway, and the
// app's graph (tRPC routers, services, Prisma's client) is imported once per
// worker instead of once per file — about 2.5 CPU-seconds a file here
// (docs/testing.md). These files change what the shared graph would keep:
// they stub the environment (serverEnv() and the keys are read once and
// cached), mock a module, or rewrite process.env; they run isolated, in a
// project of their own in the same group (same workers, same run).
const ISOLATED = [
  "src/server/http/route-door.integration.test.ts",
  "src/server/http/trpc-transport.integration.test.ts",
  "src/server/http/upload-limits.integration.test.ts",
  "src/server/http/learner-files.integration.test.ts",
  "src/server/trpc/error-codes.integration.test.ts",
  "src/server/pages/guards.integration.test.ts",
  "src/server/services/frdo/frdo.integration.test.ts",
  "src/server/services/gia-import/gia-import.integration.test.ts",
  "src/server/services/residents/residents-import.integration.test.ts",
  "src/server/services/study-certificates/study-certificate-access.integration.test.ts",
  "src/server/services/study-certificates/study-certificates.integration.test.ts",
  "src/server/services/learners/encryption-at-rest.integration.test.ts",
];

/** The shared-graph project and its isolated twin for one database (same group, same workers). */
function integrationProjects(database: "pglite" | "postgres", extra: { globalSetup: string[]; groupOrder: number }) {
  const common = { ...integration, env: { TEST_DATABASE: database }, globalSetup: extra.globalSetup, maxWorkers: 2, sequence: { groupOrder: extra.groupOrder } };
  return [
    { extends: true as const, test: { name: `integration-${database}`, ...common, exclude: ISOLATED, isolate: false } },
    { extends: true as const, test: { name: `integration-${database}-isolated`, ...common, include: ISOLATED, isolate: true } },
  ];
}

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
      // Two files at a time per database (the default is one on 2 cores): the fuzz files alone keep a worker busy
      // for minutes. The global setups migrate once per run (PGlite: a snapshot in the temp directory, rebuilt
      // when the migrations change; PostgreSQL: a template database), and each file starts from a copy.
      ...integrationProjects("pglite", { globalSetup: ["src/server/testing/pglite-global-setup.ts"], groupOrder: 1 }),
      ...integrationProjects("postgres", { globalSetup: ["src/server/testing/postgres-global-setup.ts"], groupOrder: 2 }),
    ],
  },
});
