// Health statistics for a past date from month counts (model HealthMonthCount,
// hand-written migration health_month_counts). Annual examinations mean most
// learners' records changed within a year, so a past date cannot be answered
// as "today less what changed since" without touching most of the region.
// Instead each month's first day is counted once, by the server in the
// background, and kept exact by the summary's flush; a date then costs that
// month's counts plus the learners whose placement or record changed between
// the first and the date.
import type { Db, DbTx } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { todayIso } from "@/lib/schemas/person";

/**
 * Months counted back from the current one (three school years); older dates
 * are counted from the history, every learner. The server counts them all in
 * the background, newest first; each held month adds to every flush.
 */
export const HEALTH_MONTHS_KEPT = 36;

/** The first day of the month of an ISO date. */
export const monthOf = (iso: string) => `${iso.slice(0, 7)}-01`;

/** The first day of the month `back` months before the current one. */
function monthsBack(back: number, today = todayIso()): string {
  const [year, month] = today.split("-").map(Number) as [number, number];
  const index = year * 12 + (month - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

/** The first day of the oldest month kept, counting the current month as one. */
export const oldestKeptMonth = (today = todayIso()) => monthsBack(HEALTH_MONTHS_KEPT - 1, today);

/**
 * Whether the month of `asOf` is counted. A month not yet counted is left to
 * the background (a count takes seconds and holds the summary's lock, which
 * every dashboard's flush would wait for); readers count from the history.
 */
export async function healthMonthHeld(db: Db | DbTx, asOf: string): Promise<boolean> {
  const month = monthOf(asOf);
  if (month < oldestKeptMonth()) return false;
  const held = await db.$queryRaw<unknown[]>`SELECT 1 FROM "HealthMonth" WHERE "month" = ${month}::date`;
  return held.length > 0;
}

/**
 * Counts the newest of the kept months not yet held, if any (one per call:
 * each takes a few seconds at regional scale). The background flush calls it,
 * so a report's first reader rarely waits for its month.
 */
export async function countNextHealthMonth(db: Db | DbTx): Promise<string | null> {
  for (let back = 0; back < HEALTH_MONTHS_KEPT; back++) {
    const month = monthsBack(back);
    if (await healthMonthHeld(db, month)) continue;
    await countHealthMonth(db, month);
    return month;
  }
  return null;
}

/** Counts `month` (a first day) unless it is held or before the window, dropping months that left the window. */
export async function countHealthMonth(db: Db | DbTx, month: string): Promise<void> {
  await db.$queryRaw`SELECT "health_month_count_ensure"(${month}::date, ${oldestKeptMonth()}::date)`;
}

/**
 * The learners whose counting may differ between the first of the month and
 * `asOf`: placed, or examined, after the first and by `asOf`. A record's end
 * is the next record's start, so the starts find every change.
 */
function changedSinceMonthStart(month: string, asOf: string): Prisma.Sql {
  const between = (table: string, column: string) =>
    Prisma.sql`SELECT "learnerId" FROM ${Prisma.raw(`"${table}"`)} WHERE ${Prisma.raw(`"${column}"`)} > ${month}::date AND ${Prisma.raw(`"${column}"`)} <= ${asOf}::date`;
  return Prisma.join(
    [
      between("LearnerSummary", "enrolledAt"),
      between("LearnerSummary", "healthRecordedAt"),
      between("SecondaryPlacement", "enrolledAt"),
      between("HealthHistory", "recordedAt"),
    ],
    " UNION ",
  );
}

/**
 * Counted rows (organisation, grade, birth date, the five categories, weight
 * `n`) on a past `asOf`: from its month's counts if the month is held, else
 * from the history. The choice is made inside the statement (one snapshot),
 * so a month dropped meanwhile (a rebuild, the window moving on) falls back
 * to the history rather than reading an empty month; the branch not chosen
 * is not executed.
 */
export function pastCountedRows(asOf: string, healthColumns: (alias: string) => Prisma.Sql): Prisma.Sql {
  const month = monthOf(asOf);
  if (month < oldestKeptMonth()) return historyCountedRows(asOf, healthColumns);
  const held = Prisma.sql`EXISTS (SELECT 1 FROM "HealthMonth" WHERE "month" = ${month}::date)`;
  return Prisma.sql`
    SELECT * FROM (${monthCountedRows(asOf, healthColumns)}) counted WHERE ${held}
    UNION ALL
    SELECT * FROM (${historyCountedRows(asOf, healthColumns)}) recounted WHERE NOT ${held}`;
}

/**
 * Counted rows on a past `asOf` whose month is held: the month's counts, then each
 * changed learner once as counted on `asOf` (+1) and once as on the first (−1).
 */
function monthCountedRows(asOf: string, healthColumns: (alias: string) => Prisma.Sql): Prisma.Sql {
  const month = monthOf(asOf);
  // A group's age on `asOf` is its age on the first, plus one if its birthday
  // came since; the row carries a birth date of that age on `asOf` for the
  // age dimension (which computes age(asOf, birthDate)).
  const ageOnDay = Prisma.sql`c."age" + CASE WHEN c."birthdayDay" <= ${Number(asOf.slice(8, 10))} THEN 1 ELSE 0 END`;
  const counts = Prisma.sql`
    SELECT c."organisationId", c."grade", (${asOf}::date - make_interval(years => ${ageOnDay}))::date AS "birthDate", ${healthColumns("c")}, c."count" AS "n"
    FROM "HealthMonthCount" c
    WHERE c."month" = ${month}::date`;
  if (month === asOf) return counts;
  return Prisma.sql`${counts}
    UNION ALL
    SELECT x."organisationId", x."grade", x."birthDate", ${healthColumns("x")}, CASE WHEN x."day" = ${asOf}::date THEN 1 ELSE -1 END
    FROM "health_counted_on"(ARRAY(${changedSinceMonthStart(month, asOf)}), ARRAY[${month}::date, ${asOf}::date]) x`;
}

/** Counted rows on a past `asOf` from the history, every learner with a record (weight 1). */
function historyCountedRows(asOf: string, healthColumns: (alias: string) => Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT x."organisationId", x."grade", x."birthDate", ${healthColumns("x")}, 1 AS "n"
    FROM "health_counted_on"(NULL, ARRAY[${asOf}::date]) x`;
}
