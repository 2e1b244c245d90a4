// List 4 of the municipal account: children who left the region from `since`
// to D — orders (not cancelled) of the municipality's organisations with the
// reason TRANSFER_OTHER_REGION or TRANSFER_ABROAD, and residents of the
// municipality's register with leftAt in the period (unless the same child is
// already listed by an order). One row per child: the latest order.
import type { Db, DbTx } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { ageAt, assignedSchoolsOf, homeOf, LEFT_REGION, notCancelled, ORDER_BY, type AccountRawRow, type AccountWhen } from "./sql-parts";

export function leftRegionSql(w: AccountWhen, since: string): Prisma.Sql {
  const D = Prisma.sql`${w.date}::date`;
  const S = Prisma.sql`${since}::date`;
  return Prisma.sql`
    WITH orders AS (
      SELECT DISTINCT ON (l."id") 'learner'::text AS "source", l."id", l."lastName", l."firstName", l."middleName", l."birthDate",
        home."address", home."garHouseId", 'LEFT_REGION' AS "reasonCode", e."leavingReason"::text AS "leavingReason", e."reason" AS "reasonText",
        o."shortName" AS "organisation", e."effectiveDate" AS "date", e."orderNumber", e."orderDate"
      FROM "Organisation" o
      JOIN "MovementEvent" e ON e."organisationId" = o."id"
      JOIN "Learner" l ON l."id" = e."learnerId"
      ${homeOf(Prisma.sql`l."id"`)}
      WHERE o."municipalityId" = ${w.municipalityId}::uuid AND e."type" IN ('EXPULSION', 'TRANSFER_OUT')
        AND e."leavingReason" IN (${LEFT_REGION}) AND e."effectiveDate" >= ${S} AND e."effectiveDate" <= ${D} AND ${notCancelled("e")}
      ORDER BY l."id", e."effectiveDate" DESC, e."createdAt" DESC
    ), residents AS (
      SELECT 'resident'::text AS "source", r."id", r."lastName", r."firstName", r."middleName", r."birthDate",
        r."addressText" AS "address", r."garHouseId", 'RESIDENT_LEFT' AS "reasonCode", NULL::text AS "leavingReason", NULL::varchar AS "reasonText",
        lo."shortName" AS "organisation", r."leftAt" AS "date", NULL::varchar AS "orderNumber", NULL::date AS "orderDate"
      FROM "ResidentChild" r
      -- The last organisation of a resident matched to a learner: its last basic enrolment.
      LEFT JOIN LATERAL (
        SELECT so."shortName" FROM "Enrolment" x JOIN "Organisation" so ON so."id" = x."organisationId"
        WHERE x."learnerId" = r."learnerId" AND x."isBasic" AND x."cancelledAt" IS NULL
        ORDER BY x."enrolledAt" DESC LIMIT 1
      ) lo ON TRUE
      WHERE r."municipalityId" = ${w.municipalityId}::uuid AND r."leftAt" >= ${S} AND r."leftAt" <= ${D}
        AND (r."learnerId" IS NULL OR NOT EXISTS (SELECT 1 FROM orders od WHERE od."id" = r."learnerId"))
    )
    SELECT x."source", x."id"::text AS "id", x."lastName", x."firstName", x."middleName", to_char(x."birthDate", 'YYYY-MM-DD') AS "birthDate",
      ${ageAt(Prisma.sql`x."birthDate"`, w.date)} AS "age", x."address", asg."assigned", x."reasonCode", x."leavingReason", x."reasonText",
      x."organisation", to_char(x."date", 'YYYY-MM-DD') AS "date", x."orderNumber", to_char(x."orderDate", 'YYYY-MM-DD') AS "orderDate"
    FROM (SELECT * FROM orders UNION ALL SELECT * FROM residents) x
    ${assignedSchoolsOf(Prisma.sql`x."garHouseId"`, w.year)}
    ${ORDER_BY}`;
}

export function leftRegion(db: Db | DbTx, w: AccountWhen, since: string): Promise<AccountRawRow[]> {
  return db.$queryRaw<AccountRawRow[]>(leftRegionSql(w, since));
}
