import { describe, expect, it } from "vitest";
import { academicYearStart, daysSince, parseDays, validPeriod } from "./period";

describe("movement period", () => {
  it("starts the academic year on 1 September", () => {
    expect(academicYearStart("2026-11-23")).toBe("2026-09-01");
    expect(academicYearStart("2026-09-01")).toBe("2026-09-01");
    expect(academicYearStart("2027-08-31")).toBe("2026-09-01");
  });

  it("accepts a period whose start is not after its end", () => {
    expect(validPeriod("2026-09-01", "2026-09-01")).toBe(true);
    expect(validPeriod("2026-09-02", "2026-09-01")).toBe(false);
    expect(validPeriod("", "2026-09-01")).toBe(false);
  });

  it("reads whole days from 0 to 365", () => {
    expect(parseDays("14")).toBe(14);
    expect(parseDays("0")).toBe(0);
    expect(parseDays("366")).toBeNull();
    expect(parseDays("1.5")).toBeNull();
    expect(parseDays("")).toBeNull();
  });

  it("counts full days waited", () => {
    const now = Date.UTC(2026, 10, 23, 12);
    expect(daysSince(new Date(Date.UTC(2026, 10, 8, 13)), now)).toBe(14);
  });
});
