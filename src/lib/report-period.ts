// The checks a report period passes, shared by the page (a message next to
// the field as soon as it is typed) and the server (which refuses the same
// periods with the same field). Dates are ISO days, as <input type="date">
// keeps them; an impossible day (30 February) is not a day.

/**
 * The longest period a report covers, in years: a five-year plan's span (the
 * longest comparison the ministry asks for). A longer one would sum the whole
 * history in one request; it is two reports.
 */
export const MAX_REPORT_PERIOD_YEARS = 5;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day from 1900 to 2100 (the same rule as zDay). */
export function isReportDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value) && value >= "1900-01-01" && value <= "2100-12-31";
}

export type PeriodProblem = "fromInvalid" | "toInvalid" | "order" | "tooLong";

/** What is wrong with a period, and on which field; null when it can be reported. */
export function periodProblem(from: string, to: string): { field: "from" | "to"; problem: PeriodProblem } | null {
  if (!isReportDay(from)) return { field: "from", problem: "fromInvalid" };
  if (!isReportDay(to)) return { field: "to", problem: "toInvalid" };
  if (from > to) return { field: "to", problem: "order" };
  // Ends before the same day MAX years on (29 February compares as the day after 28 February).
  const limit = `${Number(from.slice(0, 4)) + MAX_REPORT_PERIOD_YEARS}${from.slice(4)}`;
  if (to >= limit) return { field: "to", problem: "tooLong" };
  return null;
}
