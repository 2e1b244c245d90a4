// The admission forecast (issue 22): for a municipality and the academic year
// of admission F (default the year after today's), the children who will be
// 6 years 6 months to 8 years old on 1 September of F and are not enrolled in
// a general programme (НОО or above) today — the register's residents who have
// not left, and preschool learners (a held basic enrolment at PRESCHOOL) who
// live in the municipality, a child once (through the register when matched) —
// counted per school their house is assigned to in F. A house assigned to two
// schools counts at each (and is flagged); a house not in the directory and a
// house assigned to none are rows apart. Counts only; the read is audited.
import { z } from "zod";
import { academicYearLabel } from "@/lib/schemas/programme";
import { academicYearStart } from "@/lib/movement/period";
import { regionToday } from "@/lib/time-zone";
import type { ForecastInput } from "@/lib/schemas/children-account";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import type { Db, DbTx } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { accountMunicipality } from "./account-scope";
import { forecastWorkbook } from "./xlsx";

export const ZForecastResult = z.object({
  municipalityId: z.string(),
  municipality: z.string(),
  year: z.number(),
  yearLabel: z.string(),
  rows: z.array(
    z.object({ organisationId: z.string(), school: z.string(), children: z.number(), overlap: z.number(), places: z.number().nullable(), difference: z.number().nullable() }),
  ),
  unknownHouse: z.number(),
  unassigned: z.number(),
  /** Children counted, each once. */
  total: z.number(),
});
export type ForecastResult = z.infer<typeof ZForecastResult>;

const GENERAL = Prisma.sql`('PRIMARY', 'BASIC', 'SECONDARY')`;

export function forecastSql(municipalityId: string, year: number, today: string): Prisma.Sql {
  const M = Prisma.sql`${municipalityId}::uuid`;
  const S = Prisma.sql`${`${year}-09-01`}::date`;
  const inAge = (b: Prisma.Sql) => Prisma.sql`${b} <= (${S} - interval '6 years 6 months')::date AND ${b} > (${S} - interval '8 years')::date`;
  const general = (learnerId: Prisma.Sql) => Prisma.sql`EXISTS (SELECT 1 FROM "Enrolment" ge WHERE ge."learnerId" = ${learnerId} AND ge."isBasic"
    AND ge."cancelledAt" IS NULL AND ge."status" IN ('ACTIVE', 'PENDING_TRANSFER') AND ge."level" IN ${GENERAL})`;
  const notLeft = (r: string) => Prisma.sql`(${Prisma.raw(r)}."leftAt" IS NULL OR ${Prisma.raw(r)}."leftAt" > ${today}::date)`;
  return Prisma.sql`
    WITH kids AS (
      SELECT r."garHouseId" FROM "ResidentChild" r
      WHERE r."municipalityId" = ${M} AND ${notLeft("r")} AND ${inAge(Prisma.sql`r."birthDate"`)}
        -- NULL matches no enrolment: a probe per matched resident, never a scan of every enrolment.
        AND NOT ${general(Prisma.sql`r."learnerId"`)}
      UNION ALL
      -- Learners whose first address by kind is in the municipality (as in the account's lists).
      SELECT a."garHouseId"
      FROM "LearnerAddress" a
      JOIN "Learner" l ON l."id" = a."learnerId"
      WHERE a."municipalityId" = ${M} AND ${inAge(Prisma.sql`l."birthDate"`)}
        AND NOT EXISTS (SELECT 1 FROM "LearnerAddress" b WHERE b."learnerId" = a."learnerId" AND b."kind" < a."kind")
        AND EXISTS (SELECT 1 FROM "Enrolment" pe WHERE pe."learnerId" = l."id" AND pe."isBasic" AND pe."cancelledAt" IS NULL
          AND pe."status" IN ('ACTIVE', 'PENDING_TRANSFER') AND pe."level" = 'PRESCHOOL')
        AND NOT ${general(Prisma.sql`l."id"`)}
        AND NOT EXISTS (SELECT 1 FROM "ResidentChild" rr WHERE rr."learnerId" = l."id" AND rr."municipalityId" = ${M} AND ${notLeft("rr")})
    ), placed AS (
      SELECT ah."objectId" IS NOT NULL AS "known",
        (SELECT array_agg(DISTINCT ta."organisationId") FROM "TerritoryAssignment" ta
          WHERE ta."academicYear" = ${year}::int
            AND ((ta."objectKind" = 'HOUSE' AND ta."garObjectId" = ah."objectId")
              OR (ta."objectKind" = 'STREET' AND ta."garObjectId" = ah."streetId")
              OR (ta."objectKind" = 'SETTLEMENT' AND ta."garObjectId" = ah."settlementId"))) AS "schools"
      FROM kids k LEFT JOIN "AddressHouse" ah ON ah."objectId" = k."garHouseId"
    )
    SELECT s."org"::text AS "organisationId", NULL::text AS "bucket", count(*)::int AS "children",
      (count(*) FILTER (WHERE cardinality(p."schools") > 1))::int AS "overlap"
    FROM placed p CROSS JOIN LATERAL unnest(p."schools") AS s("org") GROUP BY s."org"
    UNION ALL
    SELECT NULL, CASE WHEN p."known" THEN 'unassigned' ELSE 'unknown' END, count(*)::int, 0 FROM placed p WHERE p."schools" IS NULL GROUP BY 2
    UNION ALL
    SELECT NULL, 'total', count(*)::int, 0 FROM placed`;
}

type Counted = { organisationId: string | null; bucket: string | null; children: number; overlap: number };

async function computeForecast(tx: DbTx, municipality: { id: string; name: string }, year: number): Promise<ForecastResult> {
  const counted = await tx.$queryRaw<Counted[]>(forecastSql(municipality.id, year, regionToday()));
  const bySchool = new Map(counted.filter((c) => c.organisationId).map((c) => [c.organisationId!, c]));
  const bucket = (name: string) => Number(counted.find((c) => c.bucket === name)?.children ?? 0);
  // Every general school of the municipality, with or without children; and any other organisation a territory names.
  const schools = await tx.organisation.findMany({
    where: { OR: [{ municipalityId: municipality.id, type: { in: ["GENERAL_SCHOOL", "BOARDING_SCHOOL"] }, closedAt: null }, { id: { in: [...bySchool.keys()] } }] },
    select: { id: true, shortName: true, firstGradePlaces: { where: { academicYear: year }, select: { places: true } } },
    orderBy: { shortName: "asc" },
  });
  const rows = schools.map((s) => {
    const children = Number(bySchool.get(s.id)?.children ?? 0);
    const places = s.firstGradePlaces[0]?.places ?? null;
    return { organisationId: s.id, school: s.shortName, children, overlap: Number(bySchool.get(s.id)?.overlap ?? 0), places, difference: places === null ? null : places - children };
  });
  return {
    municipalityId: municipality.id,
    municipality: municipality.name,
    year,
    yearLabel: academicYearLabel(year),
    rows,
    unknownHouse: bucket("unknown"),
    unassigned: bucket("unassigned"),
    total: bucket("total"),
  };
}

/** F by default: the academic year after today's. */
export const defaultForecastYear = () => Number(academicYearStart(regionToday()).slice(0, 4)) + 1;

export async function readForecast(db: Db, actor: Actor, input: ForecastInput, ip: string | null, action: "childrenAccount.forecast.read" | "childrenAccount.forecast.export" = "childrenAccount.forecast.read") {
  return db.$transaction(async (tx) => {
    const municipality = await accountMunicipality(tx, actor, input.municipalityId);
    const result = await computeForecast(tx, municipality, input.year ?? defaultForecastYear());
    await recordAudit(tx, auditActorOf(actor, ip), {
      action,
      entityType: "Municipality",
      entityId: municipality.id,
      details: { year: result.year, total: result.total, ...(action === "childrenAccount.forecast.export" ? { format: "xlsx" } : {}) },
    });
    return result;
  });
}

export async function exportForecast(db: Db, actor: Actor, input: ForecastInput, ip: string | null) {
  const result = await readForecast(db, actor, input, ip, "childrenAccount.forecast.export");
  return { file: await forecastWorkbook(result), result };
}
