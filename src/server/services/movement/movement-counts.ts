// Counted movement orders over a period, for the movement dashboard and the
// movement report. An order counts when its effective date is in the period
// and no CANCELLATION references it.
//
// Whole months come from the monthly counts (MovementCount, plus the deltas
// not yet folded into it), partial months at the period's ends from
// MovementEvent itself (its effectiveDate index). A school year is twelve
// whole months: ~100,000 count rows instead of a million orders. The
// integration test checks the result against a plain recount.
import { Prisma } from "../../generated/prisma/client";

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (iso: string, days: number) => isoDay(new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000));
const firstOfMonth = (iso: string) => `${iso.slice(0, 7)}-01`;
function firstOfNextMonth(iso: string): string {
  const d = new Date(`${firstOfMonth(iso)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return isoDay(d);
}

/**
 * The whole months inside [from, to] (ISO days, both included) as a half-open
 * range of first days [start, end); empty (start ≥ end) when there is none.
 */
export function wholeMonths(from: string, to: string): { start: string; end: string } {
  const start = from.endsWith("-01") ? from : firstOfNextMonth(from);
  const dayAfter = addDays(to, 1);
  const end = dayAfter.endsWith("-01") ? dayAfter : firstOfMonth(to);
  return { start, end };
}

/**
 * Subquery with columns "organisationId", "type" (text) and "n": counted
 * orders of the given types in [from, to] per organisation and type.
 */
export function countedOrders(from: string, to: string, types: readonly string[]): Prisma.Sql {
  const { start, end } = wholeMonths(from, to);
  const typeList = Prisma.join([...types]);
  const partial =
    start < end
      ? Prisma.sql`((ev."effectiveDate" >= ${from}::date AND ev."effectiveDate" < ${start}::date)
          OR (ev."effectiveDate" >= ${end}::date AND ev."effectiveDate" <= ${to}::date))`
      : Prisma.sql`ev."effectiveDate" BETWEEN ${from}::date AND ${to}::date`;
  return Prisma.sql`
    SELECT x."organisationId", x."type", sum(x."n")::int AS "n"
    FROM (
      SELECT c."organisationId", c."type"::text AS "type", c."count" AS "n"
      FROM "MovementCount" c
      WHERE c."month" >= ${start}::date AND c."month" < ${end}::date AND c."type"::text IN (${typeList})
      UNION ALL
      SELECT d."organisationId", d."type"::text, d."delta"
      FROM "MovementCountDelta" d
      WHERE d."month" >= ${start}::date AND d."month" < ${end}::date AND d."type"::text IN (${typeList})
      UNION ALL
      SELECT ev."organisationId", ev."type"::text, 1
      FROM "MovementEvent" ev
      WHERE ${partial} AND ev."type"::text IN (${typeList})
        AND NOT EXISTS (SELECT 1 FROM "MovementEvent" c WHERE c."learnerId" = ev."learnerId" AND c."cancelsEventId" = ev."id")
    ) x
    GROUP BY 1, 2`;
}

/**
 * Subquery with columns "organisationId", "type" (text), "reason" (text, NULL:
 * «не указана») and "n": counted TRANSFER_OUT and EXPULSION orders in
 * [from, to] by coded reason. Read from MovementEvent itself, not from the
 * monthly counts: leaving orders are a few per cent of all orders, and the
 * (organisationId, type, effectiveDate) index reaches exactly them per
 * organisation (figures: docs/performance.md).
 */
export function leavingOrdersByReason(from: string, to: string): Prisma.Sql {
  return Prisma.sql`
    SELECT ev."organisationId", ev."type"::text AS "type", ev."leavingReason"::text AS "reason", count(*)::int AS "n"
    FROM "MovementEvent" ev
    WHERE ev."type" IN ('TRANSFER_OUT', 'EXPULSION') AND ev."effectiveDate" BETWEEN ${from}::date AND ${to}::date
      AND NOT EXISTS (SELECT 1 FROM "MovementEvent" c WHERE c."learnerId" = ev."learnerId" AND c."cancelsEventId" = ev."id")
    GROUP BY 1, 2, 3`;
}
