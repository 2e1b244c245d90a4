// List 3 of the municipal account: children an organisation of the
// municipality expelled or transferred out (an order not cancelled) at least
// N days before D, under 18 at the order (and still under 18 on D: the account
// is of children), with no basic enrolment started on or after the order's
// effective date anywhere in the region. Orders whose reason has its own list
// or needs none are left out: the child left the region (list 4), is educated
// outside school (family or self-education), or died. One row per child: its
// latest such order.
import type { Db, DbTx } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { ageAt, assignedSchoolsOf, homeOf, LEFT_REGION, NO_FOLLOW_UP, notCancelled, ORDER_BY, OUTSIDE_SCHOOL, type AccountRawRow, type AccountWhen } from "./sql-parts";

export function droppedOutSql(w: AccountWhen, days: number): Prisma.Sql {
  const D = Prisma.sql`${w.date}::date`;
  return Prisma.sql`
    SELECT x."source", x."id"::text AS "id", x."lastName", x."firstName", x."middleName", to_char(x."birthDate", 'YYYY-MM-DD') AS "birthDate",
      ${ageAt(Prisma.sql`x."birthDate"`, w.date)} AS "age", home."address", asg."assigned", 'DROPPED_OUT' AS "reasonCode",
      x."leavingReason", x."reasonText", x."organisation", to_char(x."date", 'YYYY-MM-DD') AS "date",
      x."orderNumber", to_char(x."orderDate", 'YYYY-MM-DD') AS "orderDate"
    FROM (
      SELECT DISTINCT ON (l."id") 'learner'::text AS "source", l."id", l."lastName", l."firstName", l."middleName", l."birthDate",
        e."leavingReason"::text AS "leavingReason", e."reason" AS "reasonText", o."shortName" AS "organisation",
        e."effectiveDate" AS "date", e."orderNumber", e."orderDate"
      FROM "Organisation" o
      JOIN "MovementEvent" e ON e."organisationId" = o."id"
      JOIN "Learner" l ON l."id" = e."learnerId"
      WHERE o."municipalityId" = ${w.municipalityId}::uuid AND e."type" IN ('EXPULSION', 'TRANSFER_OUT')
        AND e."effectiveDate" <= ${D} - ${days}::int AND ${notCancelled("e")}
        AND l."birthDate" > (e."effectiveDate" - interval '18 years')::date AND l."birthDate" > (${D} - interval '18 years')::date
        AND (e."leavingReason" IS NULL OR e."leavingReason" NOT IN (${LEFT_REGION}, ${OUTSIDE_SCHOOL}, ${NO_FOLLOW_UP}))
        AND NOT EXISTS (SELECT 1 FROM "Enrolment" n WHERE n."learnerId" = e."learnerId" AND n."isBasic" AND n."cancelledAt" IS NULL
          AND n."enrolledAt" >= e."effectiveDate")
      ORDER BY l."id", e."effectiveDate" DESC, e."createdAt" DESC
    ) x
    ${homeOf(Prisma.sql`x."id"`)}
    ${assignedSchoolsOf(Prisma.sql`home."garHouseId"`, w.year)}
    ${ORDER_BY}`;
}

export function droppedOut(db: Db | DbTx, w: AccountWhen, days: number): Promise<AccountRawRow[]> {
  return db.$queryRaw<AccountRawRow[]>(droppedOutSql(w, days));
}
