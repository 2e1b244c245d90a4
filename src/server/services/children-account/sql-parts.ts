// SQL pieces every list of the municipal account shares (definitions of issue
// 22, docs/children-account.md): where a child lives, which schools its house
// is assigned to, "not cancelled", "an active basic enrolment at D", the
// compulsory-education age. Each list is still one statement: these are
// fragments of it, never separate round trips.
import { Prisma } from "../../generated/prisma/client";
import { LEFT_REGION_REASONS, NO_FOLLOW_UP_REASONS, OUTSIDE_SCHOOL_REASONS } from "@/lib/movement/leaving-reasons";

/** The parameters every list is computed for. */
export interface AccountWhen {
  municipalityId: string;
  /** D */
  date: string;
  /** Y: the academic year of D (the year of the 1 September on or before D). */
  year: number;
  /** 1 September of Y. */
  sept1: string;
}

const list = (values: readonly string[]) => Prisma.join(values.map((v) => Prisma.sql`${v}::"LeavingReason"`));
export const LEFT_REGION = list(LEFT_REGION_REASONS);
export const OUTSIDE_SCHOOL = list(OUTSIDE_SCHOOL_REASONS);
export const NO_FOLLOW_UP = list(NO_FOLLOW_UP_REASONS);

/** The order `alias` (a MovementEvent) has not been cancelled by a CANCELLATION order. */
export const notCancelled = (alias: string) => {
  const a = Prisma.raw(`"${alias}"`);
  return Prisma.sql`NOT EXISTS (SELECT 1 FROM "MovementEvent" c WHERE c."learnerId" = ${a}."learnerId" AND c."cancelsEventId" = ${a}."id")`;
};

/**
 * The learner (column `learnerId` of alias) holds a basic enrolment on D
 * anywhere in the region: the registry's as-of rule (reports/oo1.ts,
 * reports/do1.ts) — enrolled on or before D, not ended by D, not cancelled.
 * An ACTIVE or PENDING_TRANSFER enrolment has no end date, so it is held.
 */
export const heldBasicAt = (learnerIdColumn: Prisma.Sql, date: string) => Prisma.sql`EXISTS (
  SELECT 1 FROM "Enrolment" he WHERE he."learnerId" = ${learnerIdColumn} AND he."isBasic" AND he."cancelledAt" IS NULL
    AND he."enrolledAt" <= ${date}::date AND (he."endedAt" IS NULL OR he."endedAt" > ${date}::date))`;

/**
 * Compulsory-education age at D (decided for issue 22): at least 8 on
 * 1 September of Y and under 18 on D, as birth-date bounds so the residents'
 * (municipalityId, birthDate) index answers them.
 */
export const compulsoryAge = (birthDate: Prisma.Sql, when: AccountWhen) =>
  Prisma.sql`${birthDate} <= (${when.sept1}::date - interval '8 years')::date AND ${birthDate} > (${when.date}::date - interval '18 years')::date`;

/** Full years of `birthDate` on D. */
export const ageAt = (birthDate: Prisma.Sql, date: string) => Prisma.sql`date_part('year', age(${date}::date, ${birthDate}))::int`;

/** A structured address as one line («Заречный, Школьная, д. 1, кв. 5»); the text it was read from when nothing was structured. */
export const addressText = (a: string) => {
  const x = Prisma.raw(`"${a}"`);
  return Prisma.sql`COALESCE(NULLIF(concat_ws(', ', ${x}."settlement", ${x}."street",
      'д. ' || ${x}."house", 'корп. ' || ${x}."building", 'кв. ' || ${x}."flat"), ''), ${x}."sourceText")`;
};

/**
 * Where a learner lives (definitions-22): its RESIDENCE address, else STAY,
 * else ACTUAL (the enum's order) — a lateral over LearnerAddress's primary key.
 * Gives `home."municipalityId"`, `home."garHouseId"`, `home."address"`.
 */
export const homeOf = (learnerId: Prisma.Sql) => Prisma.sql`LEFT JOIN LATERAL (
    SELECT a."municipalityId", a."garHouseId", ${addressText("a")} AS "address"
    FROM "LearnerAddress" a WHERE a."learnerId" = ${learnerId} ORDER BY a."kind" LIMIT 1
  ) home ON TRUE`;

/**
 * The schools a house is assigned to in an academic year (definitions-22:
 * an assignment of the house, its street or its settlement), their short
 * names joined by «; » — two or more is an overlap, shown as it is.
 */
export const assignedSchoolsOf = (garHouseId: Prisma.Sql, year: number) => Prisma.sql`LEFT JOIN LATERAL (
    SELECT string_agg(DISTINCT so."shortName", '; ') AS "assigned"
    FROM "AddressHouse" ah
    JOIN "TerritoryAssignment" ta ON ta."academicYear" = ${year}::int
      AND ((ta."objectKind" = 'HOUSE' AND ta."garObjectId" = ah."objectId")
        OR (ta."objectKind" = 'STREET' AND ta."garObjectId" = ah."streetId")
        OR (ta."objectKind" = 'SETTLEMENT' AND ta."garObjectId" = ah."settlementId"))
    JOIN "Organisation" so ON so."id" = ta."organisationId"
    WHERE ah."objectId" = ${garHouseId}
  ) asg ON TRUE`;

/** The columns every list returns, in order (see AccountRawRow). */
export interface AccountRawRow {
  source: "learner" | "resident";
  id: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string;
  age: number;
  address: string | null;
  assigned: string | null;
  reasonCode: string;
  leavingReason: string | null;
  reasonText: string | null;
  organisation: string | null;
  date: string | null;
  orderNumber: string | null;
  orderDate: string | null;
}

export const ORDER_BY = Prisma.sql`ORDER BY x."lastName", x."firstName", x."middleName" NULLS FIRST, x."birthDate", x."id"`;
