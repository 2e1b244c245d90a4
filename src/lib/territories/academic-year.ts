// The academic year of a date (issue 22 definitions): the year of the
// 1 September on or before it — 2026-12-07 is in 2026 (2026/27), 2027-08-31 too.
export function academicYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  return Number(isoDate.slice(5, 7)) >= 9 ? year : year - 1;
}
