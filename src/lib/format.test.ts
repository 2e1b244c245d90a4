import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./format";

describe("formats", () => {
  it("shows calendar dates as ДД.ММ.ГГГГ", () => {
    expect(formatDate(new Date("2015-03-07T00:00:00Z"))).toBe("07.03.2015");
    expect(formatDate("2026-12-31")).toBe("31.12.2026");
    expect(formatDate(null)).toBe("");
    expect(formatDate("nonsense")).toBe("");
  });
  it("shows instants in the region's time zone", () => {
    expect(formatDateTime(new Date("2026-11-23T21:30:05Z"))).toBe("24.11.2026 00:30:05");
    expect(formatDateTime(new Date("2026-11-23T21:30:05Z"), "UTC")).toBe("23.11.2026 21:30:05");
  });
});
