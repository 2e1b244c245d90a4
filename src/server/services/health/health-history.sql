-- SecondaryPlacement and HealthHistory: what a count for a past date needs
-- beyond LearnerSummary. Read by health-stats.ts and health-month-counts.ts
-- (next to this file) through health_counted_on (health-month-counts.sql).
-- Recomputed per learner by the summary's flush and in full by its rebuild.
-- Idempotent, applied again whenever this file changes (src/server/db/definitions.ts):
-- CREATE OR REPLACE for functions and triggers (replacing a trigger locks its
-- table against writes only, not reads). To remove an object, drop it in a
-- versioned migration and delete it here.

-- SecondaryPlacement and HealthHistory rows of each given learner: the
-- placements other than the summary's, and the health records no longer in
-- force with the day each stopped being so.
CREATE OR REPLACE FUNCTION "learner_history_compute"(ids uuid[]) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM "SecondaryPlacement" WHERE "learnerId" = ANY(ids);
    -- Ranked as the summary chooses its placement; a tie with the first has
    -- the same enrolledAt, so it never decides a date the first does not.
    INSERT INTO "SecondaryPlacement" ("learnerId", "enrolmentId", "organisationId", "grade", "isBasic", "enrolledAt", "createdAt")
    SELECT e."learnerId", e."id", e."organisationId", e."grade", e."isBasic", e."enrolledAt", e."createdAt"
    FROM (
        SELECT e.*, row_number() OVER (PARTITION BY e."learnerId" ORDER BY e."isBasic" DESC, e."enrolledAt" DESC, e."createdAt" DESC) AS "rank"
        FROM "Enrolment" e
        WHERE e."learnerId" = ANY(ids) AND e."status" IN ('ACTIVE', 'PENDING_TRANSFER')
    ) e
    WHERE e."rank" > 1;

    DELETE FROM "HealthHistory" WHERE "learnerId" = ANY(ids);
    INSERT INTO "HealthHistory" ("learnerId", "recordId", "recordedAt", "validUntil", "healthGroup", "peGroup", "disability", "needsAdaptedProgramme", "ovzCategory")
    SELECT h."learnerId", h."id", h."recordedAt", h."validUntil", h."healthGroup", h."peGroup", h."disability", h."needsAdaptedProgramme", h."ovzCategory"
    FROM (
        SELECT h.*, lead(h."recordedAt") OVER (PARTITION BY h."learnerId" ORDER BY h."recordedAt", h."createdAt", h."id") AS "validUntil"
        FROM "HealthRecord" h
        WHERE h."learnerId" = ANY(ids)
          AND NOT EXISTS (SELECT 1 FROM "HealthRecord" s WHERE s."learnerId" = h."learnerId" AND s."supersedesId" = h."id")
    ) h
    WHERE h."validUntil" > h."recordedAt";
$$;
