// The region's one time zone (KONTINGENT_TIME_ZONE): every time shown or
// exported, and every period filter's calendar days, are read in it — never
// in the browser's or the server process's own zone.
import { configuredTimeZone } from "./runtime-env";

export const DEFAULT_TIME_ZONE = "Europe/Moscow";

/** True for an IANA zone name the runtime knows ("Europe/Moscow", "Asia/Yekaterinburg", "UTC"). */
export function isTimeZone(value: string): boolean {
  if (!value) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds the zone's wall clock is ahead of UTC at `instant`. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant a calendar day (ГГГГ-ММ-ДД) begins in the zone: the start of an inclusive period filter. */
export function zonedDayStart(day: string, timeZone: string): Date {
  const [y = 1970, m = 1, d = 1] = day.split("-").map(Number);
  const naive = Date.UTC(y, m - 1, d);
  // Two passes: the offset at the guessed instant can differ from the offset
  // at the true one when a zone changed its clock that day.
  const first = naive - offsetAt(naive, timeZone);
  return new Date(naive - offsetAt(first, timeZone));
}

/** The instant the day after `day` begins: the exclusive end of an inclusive period filter. */
export function zonedDayEnd(day: string, timeZone: string): Date {
  const [y = 1970, m = 1, d = 1] = day.split("-").map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return zonedDayStart(next, timeZone);
}

/** Today's calendar day (ГГГГ-ММ-ДД) in the zone: file-name stamps and "as of today" defaults. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/**
 * Today in the region's zone (KONTINGENT_TIME_ZONE on the server; the default
 * zone in the browser, whose own checks the server repeats): "today" for
 * date limits and defaults must not be UTC's, which is yesterday in Moscow
 * between midnight and three.
 */
export function regionToday(now: Date = new Date()): string {
  const configured = configuredTimeZone();
  return todayIn(configured && isTimeZone(configured) ? configured : DEFAULT_TIME_ZONE, now);
}
