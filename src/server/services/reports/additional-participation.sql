-- AdditionalParticipation, read by form 1-ДО (do1.ts, next to this file).
-- Recomputed per learner by the summary's flush and in full by its rebuild
-- (src/server/services/summary/learner-summary.sql).
-- Idempotent, applied again whenever this file changes (src/server/db/definitions.ts):
-- CREATE OR REPLACE for functions and triggers (replacing a trigger locks its
-- table against writes only, not reads). To remove an object, drop it in a
-- versioned migration and delete it here.

-- AdditionalParticipation rows of each given learner, from Enrolment and
-- Learner: the additional enrolments form 1-ДО counts (NOT isBasic, level
-- ADDITIONAL), open or ended, whatever their status, as the form always chose.
CREATE OR REPLACE FUNCTION "additional_participation_compute"(ids uuid[]) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM "AdditionalParticipation" WHERE "learnerId" = ANY(ids);
    INSERT INTO "AdditionalParticipation" ("learnerId", "enrolmentId", "organisationId", "programmeId", "sex", "birthDate", "enrolledAt", "endedAt")
    SELECT e."learnerId", e."id", e."organisationId", e."programmeId", l."sex", l."birthDate", e."enrolledAt", e."endedAt"
    FROM "Enrolment" e
    JOIN "Learner" l ON l."id" = e."learnerId"
    WHERE e."learnerId" = ANY(ids) AND NOT e."isBasic" AND e."level" = 'ADDITIONAL';
$$;
