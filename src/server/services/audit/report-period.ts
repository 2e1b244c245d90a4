// The period filter of the access reports: inclusive calendar days in UTC,
// as in the audit log browser. Open ends reach the first and the last row.
const DAY_MS = 86_400_000;
const FAR_PAST = new Date("1970-01-01T00:00:00Z");
const FAR_FUTURE = new Date("9999-01-01T00:00:00Z");

export function periodBounds(input: { from?: string; to?: string }): { since: Date; until: Date } {
  return {
    since: input.from ? new Date(`${input.from}T00:00:00Z`) : FAR_PAST,
    until: input.to ? new Date(new Date(`${input.to}T00:00:00Z`).getTime() + DAY_MS) : FAR_FUTURE,
  };
}
