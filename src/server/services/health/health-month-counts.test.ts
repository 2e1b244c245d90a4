import { expect, it } from "vitest";
import { monthOf, oldestKeptMonth } from "./health-month-counts";

it("keeps 36 months counting the current one, across a year boundary", () => {
  expect(oldestKeptMonth("2026-12-03")).toBe("2024-01-01");
  expect(oldestKeptMonth("2027-01-31")).toBe("2024-02-01");
  expect(oldestKeptMonth("2026-03-01")).toBe("2023-04-01");
});

it("takes a date's month by its first day", () => {
  expect(monthOf("2025-03-17")).toBe("2025-03-01");
  expect(monthOf("2025-03-01")).toBe("2025-03-01");
});
