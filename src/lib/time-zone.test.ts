import { afterEach, describe, expect, it } from "vitest";
import { isTimeZone, regionToday, todayIn, zonedDayEnd, zonedDayStart } from "./time-zone";

const processZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = processZone;
});

describe("the region's time zone", () => {
  it("knows IANA names and refuses others", () => {
    expect(isTimeZone("Europe/Moscow")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Moscow")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });
  it("reads a period's calendar days in the zone, whatever the process's zone", () => {
    for (const tz of ["America/Los_Angeles", "Asia/Tokyo", "UTC"]) {
      process.env.TZ = tz;
      expect(zonedDayStart("2026-11-24", "Europe/Moscow").toISOString()).toBe("2026-11-23T21:00:00.000Z");
      expect(zonedDayEnd("2026-11-24", "Europe/Moscow").toISOString()).toBe("2026-11-24T21:00:00.000Z");
      expect(zonedDayStart("2026-12-31", "UTC").toISOString()).toBe("2026-12-31T00:00:00.000Z");
      expect(zonedDayEnd("2026-12-31", "UTC").toISOString()).toBe("2027-01-01T00:00:00.000Z");
    }
  });
  it("follows a zone's clock change (Berlin's last Sunday of March)", () => {
    expect(zonedDayStart("2026-03-29", "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(zonedDayEnd("2026-03-29", "Europe/Berlin").toISOString()).toBe("2026-03-29T22:00:00.000Z");
  });
  it("dates files and defaults by the zone's today", () => {
    // 22:30 UTC on the 23rd is already the 24th in Moscow.
    expect(todayIn("Europe/Moscow", new Date("2026-11-23T22:30:00Z"))).toBe("2026-11-24");
    expect(todayIn("UTC", new Date("2026-11-23T22:30:00Z"))).toBe("2026-11-23");
  });
  it("takes today (date limits, defaults) in the configured zone, not UTC's", () => {
    const lateEvening = new Date("2026-11-23T22:30:00Z");
    const configured = process.env.KONTINGENT_TIME_ZONE;
    try {
      delete process.env.KONTINGENT_TIME_ZONE;
      expect(regionToday(lateEvening)).toBe("2026-11-24"); // Moscow by default
      process.env.KONTINGENT_TIME_ZONE = "America/New_York";
      expect(regionToday(lateEvening)).toBe("2026-11-23");
    } finally {
      if (configured === undefined) delete process.env.KONTINGENT_TIME_ZONE;
      else process.env.KONTINGENT_TIME_ZONE = configured;
    }
  });
});
