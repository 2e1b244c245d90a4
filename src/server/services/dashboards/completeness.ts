// Completeness of each data stage per organisation: of its current learners,
// how many have the stage's data. Counts only, from the per-learner summary
// (its flags are the definitions below, computed when the learner changes).
//   PERSONAL  — SNILS, identity document, a representative and a consent in force
//   HEALTH    — at least one health record
//   PORTFOLIO — any achievement, exam result or grade
import { z } from "zod";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { flushLearnerSummary } from "../summary/learner-summary";
import type { DrillInput } from "@/lib/schemas/dashboards";
import { drillOrganisations, resolveDrill } from "./scope";

export const ZCompletenessOutput = z.array(
  z.object({ organisationId: z.string(), organisation: z.string(), municipality: z.string(), learners: z.number(), personal: z.number(), health: z.number(), portfolio: z.number() }),
);

export async function countCompleteness(db: Db, actor: Actor, input: DrillInput): Promise<z.infer<typeof ZCompletenessOutput>> {
  const drill = await resolveDrill(db, actor, input);
  await flushLearnerSummary(db);
  const rows = await db.$queryRaw<{ organisationId: string; organisation: string; municipality: string; learners: number; personal: number; health: number; portfolio: number }[]>(Prisma.sql`
    SELECT o."id"::text AS "organisationId", o."shortName" AS "organisation", mu."name" AS "municipality",
      c."learners"::int AS "learners", c."personal"::int AS "personal", c."health"::int AS "health", c."portfolio"::int AS "portfolio"
    FROM (
      SELECT s."organisationId", count(*) AS "learners",
        count(*) FILTER (WHERE s."personalComplete") AS "personal",
        count(*) FILTER (WHERE s."hasHealth") AS "health",
        count(*) FILTER (WHERE s."hasPortfolio") AS "portfolio"
      FROM "LearnerSummary" s
      WHERE s."organisationId" IN (${drillOrganisations(drill)})
      GROUP BY s."organisationId"
    ) c
    JOIN "Organisation" o ON o."id" = c."organisationId"
    JOIN "Municipality" mu ON mu."id" = o."municipalityId"
    ORDER BY mu."name", o."shortName"`);
  return rows.map((r) => ({ ...r, learners: Number(r.learners), personal: Number(r.personal), health: Number(r.health), portfolio: Number(r.portfolio) }));
}
