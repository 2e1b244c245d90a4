// List 1 of the municipal account: children of compulsory-education age on D
// who live in the municipality and are educated nowhere the registry knows of.
// Who lives there: learners whose address (RESIDENCE, else STAY, else ACTUAL)
// is in the municipality, learners matched to a resident of its register who
// has not left, and the register's residents matched to no learner. Out: a
// basic enrolment held on D anywhere in the region; a form of education
// recorded (the register's family or self-education, or a last leaving order
// with FAMILY_EDUCATION / SELF_EDUCATION); completed СОО (a graduation order
// at СОО or a СОО certificate); left the region (last leaving order) or the
// register (leftAt); dead. The reason is what the last ending order says,
// unless a basic enrolment began after it (then no recorded reason).
import type { Db, DbTx } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import {
  ageAt,
  assignedSchoolsOf,
  compulsoryAge,
  heldBasicAt,
  LEFT_REGION,
  NO_FOLLOW_UP,
  notCancelled,
  ORDER_BY,
  OUTSIDE_SCHOOL,
  addressText,
  type AccountRawRow,
  type AccountWhen,
} from "./sql-parts";

export function notInEducationSql(w: AccountWhen): Prisma.Sql {
  const M = Prisma.sql`${w.municipalityId}::uuid`;
  const D = Prisma.sql`${w.date}::date`;
  return Prisma.sql`
    WITH home AS MATERIALIZED (
      -- The learners whose first address by kind (RESIDENCE, STAY, ACTUAL) is in the municipality:
      -- an address there with no address of an earlier kind (a probe of LearnerAddress's key, no sort).
      SELECT a."learnerId", a."garHouseId", ${addressText("a")} AS "address"
      FROM "LearnerAddress" a
      WHERE a."municipalityId" = ${M}
        AND NOT EXISTS (SELECT 1 FROM "LearnerAddress" b WHERE b."learnerId" = a."learnerId" AND b."kind" < a."kind")
    ), people AS (
      SELECT h."learnerId", h."garHouseId", h."address" FROM home h
      UNION ALL
      (SELECT DISTINCT ON (r."learnerId") r."learnerId", r."garHouseId", r."addressText"
      FROM "ResidentChild" r
      WHERE r."municipalityId" = ${M} AND r."learnerId" IS NOT NULL AND (r."leftAt" IS NULL OR r."leftAt" > ${D})
        AND NOT EXISTS (SELECT 1 FROM home h WHERE h."learnerId" = r."learnerId")
      ORDER BY r."learnerId", r."updatedAt" DESC)
    ), learners AS (
      SELECT 'learner'::text AS "source", l."id", l."lastName", l."firstName", l."middleName", l."birthDate", p."garHouseId", p."address",
        CASE WHEN ev."type" = 'GRADUATION' THEN 'BASIC_GRADUATE' WHEN ev."type" IS NOT NULL THEN 'EXPELLED' ELSE 'NO_RECORD' END AS "reasonCode",
        ev."leavingReason"::text AS "leavingReason", ev."reason" AS "reasonText", ev."effectiveDate" AS "date",
        ev."orderNumber", ev."orderDate", COALESCE(ev."organisationId", le."organisationId") AS "organisationId"
      FROM people p
      JOIN "Learner" l ON l."id" = p."learnerId"
      -- The last order that ended a stay: it says why the child is out — unless a
      -- basic enrolment began after it (a child back from family education whose
      -- new enrolment then ended without an order is out for no recorded reason).
      LEFT JOIN LATERAL (
        SELECT last.* FROM (
          SELECT e."type", e."leavingReason", e."reason", e."effectiveDate", e."orderNumber", e."orderDate", e."organisationId", e."fromLevel"
          FROM "MovementEvent" e
          WHERE e."learnerId" = l."id" AND e."type" IN ('EXPULSION', 'TRANSFER_OUT', 'GRADUATION') AND e."effectiveDate" <= ${D} AND ${notCancelled("e")}
          ORDER BY e."effectiveDate" DESC, e."createdAt" DESC LIMIT 1
        ) last
        WHERE NOT EXISTS (SELECT 1 FROM "Enrolment" n WHERE n."learnerId" = l."id" AND n."isBasic" AND n."cancelledAt" IS NULL
          AND n."enrolledAt" > last."effectiveDate" AND n."enrolledAt" <= ${D})
      ) ev ON TRUE
      -- The last basic enrolment, for the last known organisation when no order names one.
      LEFT JOIN LATERAL (
        SELECT x."organisationId" FROM "Enrolment" x
        WHERE x."learnerId" = l."id" AND x."isBasic" AND x."cancelledAt" IS NULL AND x."enrolledAt" <= ${D}
        ORDER BY x."enrolledAt" DESC, x."createdAt" DESC LIMIT 1
      ) le ON TRUE
      WHERE ${compulsoryAge(Prisma.sql`l."birthDate"`, w)}
        AND NOT ${heldBasicAt(Prisma.sql`l."id"`, w.date)}
        AND NOT EXISTS (SELECT 1 FROM "ResidentChild" rf WHERE rf."learnerId" = l."id" AND rf."educationForm" IS NOT NULL
          AND (rf."educationFormSince" IS NULL OR rf."educationFormSince" <= ${D}))
        AND NOT EXISTS (SELECT 1 FROM "MovementEvent" g WHERE g."learnerId" = l."id" AND g."effectiveDate" <= ${D}
          AND ((g."type" = 'GRADUATION' AND g."fromLevel" = 'SECONDARY') OR g."leavingReason" IN (${NO_FOLLOW_UP})) AND ${notCancelled("g")})
        AND NOT EXISTS (SELECT 1 FROM "Certificate" ct WHERE ct."learnerId" = l."id" AND ct."level" = 'SECONDARY_GENERAL' AND ct."issuedAt" <= ${D})
        AND (ev."leavingReason" IS NULL OR ev."leavingReason" NOT IN (${LEFT_REGION}, ${OUTSIDE_SCHOOL}))
    ), residents AS (
      SELECT 'resident'::text, r."id", r."lastName", r."firstName", r."middleName", r."birthDate", r."garHouseId", r."addressText",
        'NO_RECORD' AS "reasonCode", NULL::text AS "leavingReason", NULL::varchar AS "reasonText", NULL::date AS "date",
        NULL::varchar AS "orderNumber", NULL::date AS "orderDate", NULL::uuid AS "organisationId"
      FROM "ResidentChild" r
      WHERE r."municipalityId" = ${M} AND r."learnerId" IS NULL AND (r."leftAt" IS NULL OR r."leftAt" > ${D})
        AND (r."educationForm" IS NULL OR r."educationFormSince" > ${D})
        AND ${compulsoryAge(Prisma.sql`r."birthDate"`, w)}
    )
    SELECT x."source", x."id"::text AS "id", x."lastName", x."firstName", x."middleName", to_char(x."birthDate", 'YYYY-MM-DD') AS "birthDate",
      ${ageAt(Prisma.sql`x."birthDate"`, w.date)} AS "age", x."address", asg."assigned", x."reasonCode", x."leavingReason", x."reasonText",
      o."shortName" AS "organisation", to_char(x."date", 'YYYY-MM-DD') AS "date", x."orderNumber", to_char(x."orderDate", 'YYYY-MM-DD') AS "orderDate"
    FROM (SELECT * FROM learners UNION ALL SELECT * FROM residents) x
    LEFT JOIN "Organisation" o ON o."id" = x."organisationId"
    ${assignedSchoolsOf(Prisma.sql`x."garHouseId"`, w.year)}
    ${ORDER_BY}`;
}

export function notInEducation(db: Db | DbTx, w: AccountWhen): Promise<AccountRawRow[]> {
  return db.$queryRaw<AccountRawRow[]>(notInEducationSql(w));
}
