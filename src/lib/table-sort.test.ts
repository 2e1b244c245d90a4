import { describe, expect, it } from "vitest";
import { isReportDay, periodProblem } from "./report-period";
import { compareTableValues, sumCounts } from "./table-sort";

const sorted = (values: (string | number | null)[]) => [...values].sort(compareTableValues);

describe("compareTableValues", () => {
  it("orders Russian names by the alphabet, ё read as е, not by code point", () => {
    // Code-point order would put «Ёлкино» after «Яблоново» and capital letters before small ones.
    expect(sorted(["Яблоново", "Ёлкино", "Ельники", "Жуково", "берёзовка"])).toEqual(["берёзовка", "Ёлкино", "Ельники", "Жуково", "Яблоново"]);
  });

  it("reads numbers inside class labels as numbers", () => {
    expect(sorted(["10А", "4Б", "4А", "1А"])).toEqual(["1А", "4А", "4Б", "10А"]);
  });

  it("orders counts numerically, not as text", () => {
    expect(sorted([100, 9, 25, 0])).toEqual([0, 9, 25, 100]);
  });

  it("puts a hidden count between zero and the threshold, and keeps hidden counts in their order", () => {
    expect(sorted([7, "<5", 0, 5, 3])).toEqual([0, 3, "<5", 5, 7]);
    // Stable: two hidden cells compare equal, so their order says nothing about their true values.
    expect(compareTableValues("<5", "<5")).toBe(0);
  });

  it("puts empty cells last", () => {
    expect(sorted(["", 3, null, "Б"])).toEqual([3, "Б", "", null]);
  });
});

describe("sumCounts", () => {
  it("adds shown counts", () => {
    expect(sumCounts([1, 2, 3, undefined])).toBe(6);
  });

  it("refuses to add a column holding a hidden count (the server gives such totals)", () => {
    expect(sumCounts([10, "<5", 12])).toBeNull();
  });
});

describe("periodProblem", () => {
  it("accepts up to five years, the last day included", () => {
    expect(periodProblem("2024-01-01", "2024-01-01")).toBeNull();
    expect(periodProblem("2021-01-01", "2025-12-31")).toBeNull();
    expect(periodProblem("2024-02-29", "2029-02-28")).toBeNull();
  });

  it("names the field of each problem", () => {
    expect(periodProblem("2026-02-30", "2026-03-01")).toEqual({ field: "from", problem: "fromInvalid" });
    expect(periodProblem("2026-01-01", "")).toEqual({ field: "to", problem: "toInvalid" });
    expect(periodProblem("2026-05-01", "2026-04-30")).toEqual({ field: "to", problem: "order" });
    expect(periodProblem("2021-01-01", "2026-01-01")).toEqual({ field: "to", problem: "tooLong" });
  });

  it("knows the calendar", () => {
    expect(isReportDay("2024-02-29")).toBe(true);
    expect(isReportDay("2026-02-29")).toBe(false);
    expect(isReportDay("1899-12-31")).toBe(false);
  });
});
