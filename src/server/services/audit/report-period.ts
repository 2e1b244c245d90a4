// The period filter of the audit log and the access reports: inclusive
// calendar days in the region's time zone (KONTINGENT_TIME_ZONE), the zone the
// times on screen are shown in — a row shown at 00:30 on the 24th is in a
// period ending on the 24th. Open ends reach the first and the last row.
import { zonedDayEnd, zonedDayStart } from "@/lib/time-zone";
import { serverTimeZone } from "../../time-zone";

const FAR_PAST = new Date("1970-01-01T00:00:00Z");
const FAR_FUTURE = new Date("9999-01-01T00:00:00Z");

export function periodBounds(input: { from?: string; to?: string }, timeZone = serverTimeZone()): { since: Date; until: Date } {
  return {
    since: input.from ? zonedDayStart(input.from, timeZone) : FAR_PAST,
    until: input.to ? zonedDayEnd(input.to, timeZone) : FAR_FUTURE,
  };
}
