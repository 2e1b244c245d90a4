// How the performance pages print measures: locale decimals, a signed change, «—», «<n».
import { describe, expect, it } from "vitest";
import { formatChange, formatCount, formatMeasure } from "./format";

describe("performance formats", () => {
  it("prints the locale's decimals and «—» for a missing measure", () => {
    expect(formatMeasure(3.5, 2, "ru")).toBe("3,50");
    expect(formatMeasure(33.3, 1, "en")).toBe("33.3");
    expect(formatMeasure(null, 1, "ru")).toBe("—");
  });
  it("signs a change and hides a small count", () => {
    expect(formatChange(1.5, 1, "ru")).toBe("+1,5");
    expect(formatChange(-0.07, 2, "ru")).toBe("−0,07");
    expect(formatChange(0, 1, "ru")).toBe("0,0");
    expect(formatCount(null, 5)).toBe("<5");
    expect(formatCount(0, 5)).toBe("0");
  });
});
