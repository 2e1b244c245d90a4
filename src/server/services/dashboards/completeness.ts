// Completeness of each data stage per organisation: of its current learners,
// how many have the stage's data. Counts only, computed in the database.
//   PERSONAL  — SNILS, identity document, a representative and a consent in force
//   HEALTH    — at least one health record
//   PORTFOLIO — any achievement, exam result or grade
import { z } from "zod";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { resolveDrill, type DrillInput } from "./scope";

export const ZCompletenessOutput = z.array(
  z.object({ organisationId: z.string(), organisation: z.string(), municipality: z.string(), learners: z.number(), personal: z.number(), health: z.number(), portfolio: z.number() }),
);

export async function countCompleteness(db: Db, actor: Actor, input: DrillInput): Promise<z.infer<typeof ZCompletenessOutput>> {
  const drill = await resolveDrill(db, actor, input);
  const rows = await db.$queryRaw<{ organisationId: string; organisation: string; municipality: string; learners: number; personal: number; health: number; portfolio: number }[]>(Prisma.sql`
    WITH cur AS (
      SELECT DISTINCT e."organisationId", e."learnerId"
      FROM "Enrolment" e
      JOIN "Organisation" o ON o."id" = e."organisationId"
      JOIN "Municipality" mu ON mu."id" = o."municipalityId"
      WHERE e."status" IN ('ACTIVE', 'PENDING_TRANSFER') AND ${drill.where}
    )
    SELECT o."id"::text AS "organisationId", o."shortName" AS "organisation", mu."name" AS "municipality",
      count(*)::int AS "learners",
      count(*) FILTER (WHERE l."snilsIndex" IS NOT NULL AND l."docType" IS NOT NULL AND l."docNumberEnc" IS NOT NULL
        AND EXISTS (SELECT 1 FROM "LearnerRepresentative" r WHERE r."learnerId" = l."id")
        AND EXISTS (SELECT 1 FROM "Consent" c WHERE c."learnerId" = l."id" AND c."withdrawnAt" IS NULL))::int AS "personal",
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "HealthRecord" h WHERE h."learnerId" = l."id"))::int AS "health",
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Achievement" a WHERE a."learnerId" = l."id")
        OR EXISTS (SELECT 1 FROM "ExamResult" x WHERE x."learnerId" = l."id")
        OR EXISTS (SELECT 1 FROM "SubjectGrade" g WHERE g."learnerId" = l."id"))::int AS "portfolio"
    FROM cur
    JOIN "Learner" l ON l."id" = cur."learnerId"
    JOIN "Organisation" o ON o."id" = cur."organisationId"
    JOIN "Municipality" mu ON mu."id" = o."municipalityId"
    GROUP BY o."id", o."shortName", mu."name"
    ORDER BY mu."name", o."shortName"`);
  return rows.map((r) => ({ ...r, learners: Number(r.learners), personal: Number(r.personal), health: Number(r.health), portfolio: Number(r.portfolio) }));
}
