import { describe, expect, it } from "vitest";
import { demoDataChoice } from "./demo-data-choice";

const embedded = { kind: "pglite", dataDir: ".data/pglite" } as const;
const server = { kind: "postgres", url: "postgresql://127.0.0.1/k" } as const;

describe("demo data choice", () => {
  it("seeds the embedded database by default and a server database only on request", () => {
    expect(demoDataChoice([], {}, embedded).seed).toBe(true);
    expect(demoDataChoice([], {}, server).seed).toBe(false);
    expect(demoDataChoice([], { KONTINGENT_DEMO_DATA: "on" }, server).seed).toBe(true);
  });

  it("starts empty with --empty or KONTINGENT_DEMO_DATA=off, and never seeds production", () => {
    expect(demoDataChoice(["--skip-build", "--empty"], {}, embedded).seed).toBe(false);
    expect(demoDataChoice([], { KONTINGENT_DEMO_DATA: "OFF" }, embedded).seed).toBe(false);
    expect(demoDataChoice([], { NODE_ENV: "production", KONTINGENT_DEMO_DATA: "on" }, embedded)).toMatchObject({ seed: false, why: expect.stringMatching(/production/) });
  });

  it("refuses a misspelt setting instead of guessing", () => {
    expect(() => demoDataChoice([], { KONTINGENT_DEMO_DATA: "no" }, embedded)).toThrow(/KONTINGENT_DEMO_DATA/);
  });
});
