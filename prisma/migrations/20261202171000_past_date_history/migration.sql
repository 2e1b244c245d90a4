-- CreateTable
CREATE TABLE "SecondaryPlacement" (
    "learnerId" UUID NOT NULL,
    "enrolmentId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "grade" SMALLINT,
    "isBasic" BOOLEAN NOT NULL,
    "enrolledAt" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SecondaryPlacement_pkey" PRIMARY KEY ("learnerId","enrolmentId")
);

-- CreateTable
CREATE TABLE "HealthHistory" (
    "learnerId" UUID NOT NULL,
    "recordId" UUID NOT NULL,
    "recordedAt" DATE NOT NULL,
    "validUntil" DATE NOT NULL,
    "healthGroup" "HealthGroup" NOT NULL,
    "peGroup" "PeGroup" NOT NULL,
    "disability" "DisabilityCategory",
    "needsAdaptedProgramme" BOOLEAN NOT NULL,
    "ovzCategory" "OvzCategory",

    CONSTRAINT "HealthHistory_pkey" PRIMARY KEY ("learnerId","recordId")
);

-- Hand-written: a correction's lookup by the record it supersedes. The unique
-- key (learnerId, supersedesId) serves it only with the learner given; the
-- summary's flush asks by record alone, and scanned that whole index once per
-- record (a flush of 20,000 examined learners ran for minutes). Partial: most
-- records supersede nothing.
CREATE INDEX "HealthRecord_supersedesId_idx" ON "HealthRecord" ("supersedesId") WHERE "supersedesId" IS NOT NULL;

-- Hand-written: keeping both tables with the summary's queue. Enrolment and
-- HealthRecord, their only sources, already queue the learners they touch.
CREATE FUNCTION "learner_history_compute"(ids uuid[]) RETURNS void
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

CREATE OR REPLACE FUNCTION "learner_summary_flush"() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    ids uuid[];
BEGIN
    PERFORM pg_advisory_xact_lock(7243002);
    PERFORM "movement_count_flush"();
    WITH taken AS (DELETE FROM "LearnerSummaryPending" RETURNING "learnerId")
    SELECT array_agg("learnerId") INTO ids FROM taken;
    IF ids IS NULL THEN
        RETURN 0;
    END IF;
    PERFORM "learner_summary_compute"(ids);
    PERFORM "additional_participation_compute"(ids);
    PERFORM "learner_history_compute"(ids);
    RETURN cardinality(ids);
END;
$$;

CREATE OR REPLACE FUNCTION "learner_summary_rebuild"() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    n integer;
BEGIN
    n := "learner_summary_rebuild_summary"();
    TRUNCATE "AdditionalParticipation";
    PERFORM "additional_participation_compute"(ARRAY(
        SELECT DISTINCT e."learnerId" FROM "Enrolment" e WHERE NOT e."isBasic" AND e."level" = 'ADDITIONAL'));
    TRUNCATE "SecondaryPlacement", "HealthHistory";
    PERFORM "learner_history_compute"(ARRAY(SELECT "id" FROM "Learner"));
    PERFORM "movement_count_rebuild"();
    RETURN n;
END;
$$;

SELECT "learner_summary_rebuild"();

-- Fresh statistics for the rebuilt tables, so the first reports after the
-- upgrade are planned on them rather than on an empty table's defaults.
ANALYZE "LearnerSummary", "AdditionalParticipation", "SecondaryPlacement", "HealthHistory", "MovementCount";
