import { describe, expect, it } from "vitest";
import { learnerSetDigest } from "../../audit/hash";
import { stageOfAction } from "@/lib/audit-actions";
import { toCsv } from "./access-report-export";

describe("access report CSV", () => {
  it("quotes separators and neutralises formulas", () => {
    expect(toCsv([["a;b", "=1+1", "plain"]])).toBe('\uFEFF"a;b";"\'=1+1";plain\r\n');
  });
});

describe("audit stages and learner sets", () => {
  it("derives the stage from the action", () => {
    expect(stageOfAction("learner.health.read")).toBe("health");
    expect(stageOfAction("learner.portfolio.read")).toBe("portfolio");
    expect(stageOfAction("learner.export")).toBe("personal");
    expect(stageOfAction("auth.login.success")).toBeNull();
  });
  it("digests a learner set independently of order and duplicates", () => {
    expect(learnerSetDigest(["b", "a", "a"])).toBe(learnerSetDigest(["a", "b"]));
    expect(learnerSetDigest(["a"])).not.toBe(learnerSetDigest(["a", "b"]));
  });
});
