// Reporting periods of the movement views (the ministry's movement page and the
// dashboard's movement section): by default from 1 September of the current
// academic year to today (ISO dates, as <input type="date"> keeps them).

/** 1 September of the academic year `today` (YYYY-MM-DD) belongs to. */
export function academicYearStart(today: string): string {
  const [year, month] = today.split("-").map(Number) as [number, number];
  return `${month >= 9 ? year : year - 1}-09-01`;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A period both ends of which are dates and whose start is not after its end. */
export function validPeriod(from: string, to: string): boolean {
  return ISO_DAY.test(from) && ISO_DAY.test(to) && from <= to;
}

/** Whole days of 0–365 as typed; null when not such a number. */
export function parseDays(value: string): number | null {
  if (!/^\d{1,3}$/.test(value.trim())) return null;
  const n = Number(value.trim());
  return n <= 365 ? n : null;
}

/** Full days between an instant and now. */
export function daysSince(instant: Date, now = Date.now()): number {
  return Math.max(0, Math.floor((now - instant.getTime()) / 86_400_000));
}
