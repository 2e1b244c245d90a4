// List 2 of the municipal account: learners who hold a basic enrolment on D at
// a general school of the municipality, enrolled on or before 1 September of
// Y, with no evidence of having started: no mark of the academic year entered
// since 1 September and no movement order effective since then. The registry
// has no attendance journal, so marks and orders are the only evidence it
// has; the list is drawn up only once D is K days past 1 September (before
// that an empty list: schools enter the first marks in the first weeks).
import type { Db, DbTx } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { ageAt, assignedSchoolsOf, homeOf, notCancelled, ORDER_BY, type AccountRawRow, type AccountWhen } from "./sql-parts";

/** The first day the list is drawn up: 1 September of Y plus K days. */
export function didNotStartFrom(w: AccountWhen, grace: number): string {
  const d = new Date(`${w.sept1}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + grace);
  return d.toISOString().slice(0, 10);
}

export function didNotStartSql(w: AccountWhen): Prisma.Sql {
  const D = Prisma.sql`${w.date}::date`;
  const S = Prisma.sql`${w.sept1}::date`;
  return Prisma.sql`
    SELECT x."source", x."id"::text AS "id", x."lastName", x."firstName", x."middleName", to_char(x."birthDate", 'YYYY-MM-DD') AS "birthDate",
      ${ageAt(Prisma.sql`x."birthDate"`, w.date)} AS "age", home."address", asg."assigned", 'DID_NOT_START' AS "reasonCode",
      NULL::text AS "leavingReason", NULL::text AS "reasonText", x."organisation", to_char(x."enrolledAt", 'YYYY-MM-DD') AS "date",
      NULL::text AS "orderNumber", NULL::text AS "orderDate"
    FROM (
      SELECT DISTINCT ON (l."id") 'learner'::text AS "source", l."id", l."lastName", l."firstName", l."middleName", l."birthDate",
        o."shortName" AS "organisation", e."enrolledAt"
      FROM "Organisation" o
      JOIN "Enrolment" e ON e."organisationId" = o."id"
      JOIN "Learner" l ON l."id" = e."learnerId"
      WHERE o."municipalityId" = ${w.municipalityId}::uuid AND o."type" IN ('GENERAL_SCHOOL', 'BOARDING_SCHOOL')
        AND e."isBasic" AND e."cancelledAt" IS NULL AND e."level" IN ('PRIMARY', 'BASIC', 'SECONDARY')
        AND e."enrolledAt" <= ${S} AND (e."endedAt" IS NULL OR e."endedAt" > ${D})
        AND NOT EXISTS (SELECT 1 FROM "SubjectGrade" g WHERE g."learnerId" = e."learnerId" AND g."academicYear" = ${w.year}::int AND g."createdAt" >= ${S})
        AND NOT EXISTS (SELECT 1 FROM "MovementEvent" m WHERE m."learnerId" = e."learnerId" AND m."type" <> 'CANCELLATION'
          AND m."effectiveDate" >= ${S} AND m."effectiveDate" <= ${D} AND ${notCancelled("m")})
      ORDER BY l."id", e."enrolledAt" DESC
    ) x
    ${homeOf(Prisma.sql`x."id"`)}
    ${assignedSchoolsOf(Prisma.sql`home."garHouseId"`, w.year)}
    ${ORDER_BY}`;
}

export async function didNotStart(db: Db | DbTx, w: AccountWhen, grace: number): Promise<AccountRawRow[]> {
  if (w.date < didNotStartFrom(w, grace)) return [];
  return db.$queryRaw<AccountRawRow[]>(didNotStartSql(w));
}
