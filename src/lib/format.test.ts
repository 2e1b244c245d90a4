import { afterEach, describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDateTimeShort } from "./format";

const processZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = processZone;
});

describe("formats", () => {
  it("shows calendar dates as ДД.ММ.ГГГГ", () => {
    expect(formatDate(new Date("2015-03-07T00:00:00Z"))).toBe("07.03.2015");
    expect(formatDate("2026-12-31")).toBe("31.12.2026");
    expect(formatDate(null)).toBe("");
    expect(formatDate("nonsense")).toBe("");
  });
  it("shows instants in the zone it is given", () => {
    expect(formatDateTime(new Date("2026-11-23T21:30:05Z"), "Europe/Moscow")).toBe("24.11.2026 00:30:05");
    expect(formatDateTime(new Date("2026-11-23T21:30:05Z"), "UTC")).toBe("23.11.2026 21:30:05");
    expect(formatDateTime("2026-11-23T21:30:05Z", "Asia/Yekaterinburg")).toBe("24.11.2026 02:30:05");
    expect(formatDateTimeShort(new Date("2026-11-23T21:30:05Z"), "Europe/Moscow")).toBe("24.11.2026 00:30");
  });
  it("ignores the process's own zone", () => {
    // Node reads TZ on every Date/Intl use, so switching it here is what a server in another zone would see.
    for (const tz of ["America/Los_Angeles", "Asia/Tokyo", "UTC"]) {
      process.env.TZ = tz;
      expect(formatDateTime(new Date("2026-11-23T21:30:05Z"), "Europe/Moscow")).toBe("24.11.2026 00:30:05");
      expect(formatDate(new Date("2015-03-07T00:00:00Z"))).toBe("07.03.2015");
    }
  });
});
