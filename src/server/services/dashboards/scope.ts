// Where a dashboard looks: the region, one municipality or one organisation,
// always inside the actor's scope. Ids outside it answer NOT_FOUND, so the
// existence of another municipality's organisation is not revealed.
import { z } from "zod";
import type { DrillInput } from "@/lib/schemas/dashboards";
import type { Actor } from "../../auth/actor";
import type { Db, DbTx } from "../../db";
import { forbidden, notFound } from "../../errors";
import { Prisma } from "../../generated/prisma/client";

export type DrillLevel = "region" | "municipality" | "organisation";

export interface Drill {
  level: DrillLevel;
  regionId: string;
  municipalityId: string | null;
  organisationId: string | null;
  /** Condition on the aliases `o` (Organisation) and `mu` (Municipality). */
  where: Prisma.Sql;
}

/** Region and municipality scopes only: school staff read their learners, not dashboards. */
export async function resolveDrill(db: Db | DbTx, actor: Actor, input: DrillInput): Promise<Drill> {
  const scope = actor.scope;
  if (scope.kind === "ORGANISATION") throw forbidden();
  const scopeMunicipality = scope.kind === "MUNICIPALITY" ? scope.municipalityId : null;
  let municipalityId = input.municipalityId ?? null;
  const organisationId = input.organisationId ?? null;
  if (organisationId) {
    const org = await db.organisation.findFirst({
      where: { id: organisationId, municipality: { regionId: scope.regionId } },
      select: { municipalityId: true },
    });
    if (!org || (scopeMunicipality && org.municipalityId !== scopeMunicipality) || (municipalityId && org.municipalityId !== municipalityId)) {
      throw notFound("Организация не найдена");
    }
    municipalityId = org.municipalityId;
  } else if (municipalityId) {
    const mu = await db.municipality.findFirst({ where: { id: municipalityId, regionId: scope.regionId }, select: { id: true } });
    if (!mu || (scopeMunicipality && municipalityId !== scopeMunicipality)) throw notFound("Муниципалитет не найден");
  }
  const where = Prisma.sql`mu."regionId" = ${scope.regionId}::uuid
    AND (${scopeMunicipality}::uuid IS NULL OR mu."id" = ${scopeMunicipality}::uuid)
    AND (${municipalityId}::uuid IS NULL OR mu."id" = ${municipalityId}::uuid)
    AND (${organisationId}::uuid IS NULL OR o."id" = ${organisationId}::uuid)`;
  const level: DrillLevel = organisationId ? "organisation" : municipalityId ? "municipality" : "region";
  return { level, regionId: scope.regionId, municipalityId, organisationId, where };
}

/**
 * Current learners within the drill, one row each (CTE body), from the
 * per-learner summary: the placement of an ACTIVE or PENDING_TRANSFER
 * enrolment (a pending transfer still counts at the sender; with several, the
 * basic one wins over additional ones), with sex and birth date. The caller
 * flushes the summary first. The drill filters by organisation id (a hashed
 * semi-join), not by joining a million rows to their organisations.
 */
export function currentLearners(drill: Drill): Prisma.Sql {
  return Prisma.sql`
    SELECT s."learnerId", s."organisationId", s."level", s."grade", s."classLetter", s."sex", s."birthDate"
    FROM "LearnerSummary" s
    WHERE s."organisationId" IN (${drillOrganisations(drill)})`;
}

/** Ids of the organisations within the drill (subquery). */
export function drillOrganisations(drill: Drill): Prisma.Sql {
  return Prisma.sql`SELECT o."id" FROM "Organisation" o JOIN "Municipality" mu ON mu."id" = o."municipalityId" WHERE ${drill.where}`;
}

/**
 * The same learners counted per organisation, level, class and sex (CTE body,
 * column `n`), read from ContingentCount: the summary's triggers keep those
 * groups, so a region joins a hundred thousand groups to their organisations
 * instead of grouping a million rows. The caller flushes the summary first.
 */
export function currentCounts(drill: Drill): Prisma.Sql {
  return Prisma.sql`
    SELECT c."organisationId", c."level", c."grade", c."classLetter", c."sex", c."count" AS "n",
           o."shortName" AS "orgName", mu."id" AS "municipalityId", mu."name" AS "municipalityName"
    FROM "ContingentCount" c
    JOIN "Organisation" o ON o."id" = c."organisationId"
    JOIN "Municipality" mu ON mu."id" = o."municipalityId"
    WHERE ${drill.where}`;
}

export const ZPlaceOutput = z.object({
  municipality: z.object({ id: z.string(), name: z.string() }).nullable(),
  organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
});

/**
 * The names of a drill-down place kept in the page's URL (ids only there), so
 * a reloaded or bookmarked dashboard shows its breadcrumb. An id outside the
 * scope answers NOT_FOUND, as every drill does.
 */
export async function describePlace(db: Db | DbTx, actor: Actor, input: DrillInput): Promise<z.infer<typeof ZPlaceOutput>> {
  const drill = await resolveDrill(db, actor, input);
  const municipality = drill.municipalityId
    ? await db.municipality.findUniqueOrThrow({ where: { id: drill.municipalityId }, select: { id: true, name: true } })
    : null;
  const organisation = drill.organisationId
    ? await db.organisation.findUniqueOrThrow({ where: { id: drill.organisationId }, select: { id: true, shortName: true } })
    : null;
  return { municipality, organisation: organisation && { id: organisation.id, name: organisation.shortName } };
}

/** Label of a class: grade and letter ("4А"); empty when the enrolment has no grade. */
export const classKey = (grade: number | null, letter: string | null) => `${grade ?? ""}|${letter ?? ""}`;

/** The municipality a drill stays in: the chosen one, else the officer's own (municipal scope), else none (the region). */
export const drillMunicipality = (actor: Actor, drill: Drill) =>
  drill.municipalityId ?? (actor.scope.kind === "MUNICIPALITY" ? actor.scope.municipalityId : null);

/** The territory's name: the organisation with its municipality, the municipality, or the region. */
export async function territoryName(db: Db | DbTx, actor: Actor, drill: Drill, region?: string): Promise<string> {
  if (drill.organisationId) {
    const org = await db.organisation.findUniqueOrThrow({ where: { id: drill.organisationId }, select: { shortName: true, municipality: { select: { name: true } } } });
    return `${org.shortName}, ${org.municipality.name}`;
  }
  const municipalityId = drillMunicipality(actor, drill);
  if (!municipalityId) return region ?? (await db.region.findUniqueOrThrow({ where: { id: drill.regionId }, select: { name: true } })).name;
  return (await db.municipality.findUniqueOrThrow({ where: { id: municipalityId }, select: { name: true } })).name;
}
