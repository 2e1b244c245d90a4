// End-to-end tests in Debian's Chromium against the production build, with a
// fresh embedded database per run (or E2E_DATABASE_URL, e.g. PostgreSQL, with
// E2E_DATABASE_OWNER_URL when the server connects as the application role).
import fs from "node:fs";
import { defineConfig } from "@playwright/test";

// Debian's old headless shell (package chromium-headless-shell, the same Chromium
// build without the browser's own UI) when installed: the full browser in
// headless mode also renders its toolbar, which cost the crawl a third more CPU
// for the same pages (docs/testing.md). CHROMIUM_PATH overrides both.
const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
const CHROMIUM = process.env.CHROMIUM_PATH ?? (fs.existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");
const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://localhost:${PORT}`;
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? "pglite:.data/e2e";
// With a server: the tables' owner for migrations and the seed, while the app
// connects as E2E_DATABASE_URL's least-privilege role (docs/operations.md, "Using PostgreSQL").
// Empty: one role. Set explicitly, so an outer DATABASE_OWNER_URL never leaks in.
const DATABASE_OWNER_URL = process.env.E2E_DATABASE_OWNER_URL ?? "";
// An embedded e2e database (.data/e2e, or .data/e2e-<name> beside it) starts empty each run.
const embeddedDir = /^pglite:(\.data\/e2e[\w-]*)$/.exec(DATABASE_URL)?.[1];
const resetEmbedded = embeddedDir ? `rm -rf ${embeddedDir} && ` : "";

export default defineConfig({
  testDir: "e2e",
  // Separate per run, so that two runs side by side (tools/test/run.ts) keep their own traces.
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  fullyParallel: false,
  workers: 1, // one server, one embedded database: keep the order deterministic
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    locale: "ru-RU",
    timezoneId: "Europe/Moscow",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--headless",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  // "setup" signs in once per demo account and saves the login state the
  // other projects reuse (single-use TOTP codes make a sign-in per test slow).
  projects: [
    { name: "setup", testDir: "e2e/setup", testMatch: /.*\.setup\.ts/ },
    { name: "auth", testDir: "e2e/auth", dependencies: ["setup"] },
    { name: "cross-portal", testDir: "e2e/cross-portal", dependencies: ["setup"] },
    { name: "admin", testDir: "e2e/admin", dependencies: ["setup"] },
    { name: "school", testDir: "e2e/school", dependencies: ["setup"] },
    { name: "registry", testDir: "e2e/registry", dependencies: ["setup"] },
    { name: "ministry", testDir: "e2e/ministry", dependencies: ["setup"] },
    { name: "http", testDir: "e2e/http", dependencies: ["setup"] },
    // Every page of every portal through axe, at two widths and in two languages (e2e/crawl).
    { name: "crawl", testDir: "e2e/crawl", dependencies: ["setup"] },
  ],
  webServer: {
    command: `${resetEmbedded}node_modules/.bin/tsx tools/start.ts --skip-build`,
    url: `${BASE_URL}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      DATABASE_URL,
      DATABASE_OWNER_URL,
      NEXTAUTH_URL: BASE_URL,
      NEXTAUTH_SECRET: "e2e-only-secret-e2e-only-secret-0123456789",
      NEXT_TELEMETRY_DISABLED: "1",
      // The specs build their own learners on an empty region (README, "Two commands").
      KONTINGENT_DEMO_DATA: "off",
    },
  },
});
