-- CreateTable
CREATE TABLE "AdditionalParticipation" (
    "learnerId" UUID NOT NULL,
    "enrolmentId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "programmeId" UUID,
    "sex" "Sex" NOT NULL,
    "birthDate" DATE NOT NULL,
    "enrolledAt" DATE NOT NULL,
    "endedAt" DATE,

    CONSTRAINT "AdditionalParticipation_pkey" PRIMARY KEY ("learnerId","enrolmentId")
);

-- CreateTable
CREATE TABLE "MovementCount" (
    "organisationId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "type" "MovementType" NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "MovementCount_pkey" PRIMARY KEY ("organisationId","month","type")
);

-- CreateTable
CREATE TABLE "MovementCountDelta" (
    "id" BIGSERIAL NOT NULL,
    "organisationId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "type" "MovementType" NOT NULL,
    "delta" INTEGER NOT NULL,

    CONSTRAINT "MovementCountDelta_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MovementEvent_effectiveDate_idx" ON "MovementEvent"("effectiveDate");
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

-- Hand-written: keeping the five derived tables (the models' comments say
-- what they hold and who reads them).

-- AdditionalParticipation rows of each given learner, from Enrolment and
-- Learner: the additional enrolments form 1-ДО counts (NOT isBasic, level
-- ADDITIONAL), open or ended, whatever their status, as the form always chose.
CREATE FUNCTION "additional_participation_compute"(ids uuid[]) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM "AdditionalParticipation" WHERE "learnerId" = ANY(ids);
    INSERT INTO "AdditionalParticipation" ("learnerId", "enrolmentId", "organisationId", "programmeId", "sex", "birthDate", "enrolledAt", "endedAt")
    SELECT e."learnerId", e."id", e."organisationId", e."programmeId", l."sex", l."birthDate", e."enrolledAt", e."endedAt"
    FROM "Enrolment" e
    JOIN "Learner" l ON l."id" = e."learnerId"
    WHERE e."learnerId" = ANY(ids) AND NOT e."isBasic" AND e."level" = 'ADDITIONAL';
$$;

-- The month an order counts in: the first day of its effective date's month.
CREATE FUNCTION "movement_month"(d date) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT date_trunc('month', d::timestamp)::date $$;

-- Each insert into MovementEvent (the table is append-only: a mistaken order
-- is cancelled by a CANCELLATION, never edited) appends its deltas: +1 for
-- each order, −1 for the order each cancellation cancels (an order has at most
-- one: MovementEvent_cancelsEventId_key). One statement per write, grouped.
CREATE FUNCTION "movement_count_queue"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "MovementCountDelta" ("organisationId", "month", "type", "delta")
    SELECT x."organisationId", x."month", x."type", sum(x."delta")::int
    FROM (
        SELECT n."organisationId", "movement_month"(n."effectiveDate") AS "month", n."type", 1 AS "delta"
        FROM new_rows n WHERE n."type" <> 'CANCELLATION'
        UNION ALL
        SELECT e."organisationId", "movement_month"(e."effectiveDate"), e."type", -1
        FROM new_rows n JOIN "MovementEvent" e ON e."id" = n."cancelsEventId"
        WHERE e."type" <> 'CANCELLATION'
    ) x
    GROUP BY 1, 2, 3;
    RETURN NULL;
END;
$$;
CREATE TRIGGER "MovementEvent_count_insert" AFTER INSERT ON "MovementEvent" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "movement_count_queue"();

-- Folds the deltas into MovementCount. Only committed deltas are visible to
-- the DELETE, so a writer still in flight keeps its rows for the next fold;
-- readers add the unfolded deltas, so a fold never changes what they count.
CREATE FUNCTION "movement_count_flush"() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    n integer;
BEGIN
    PERFORM pg_advisory_xact_lock(7243002);
    WITH taken AS (DELETE FROM "MovementCountDelta" RETURNING "organisationId", "month", "type", "delta")
    INSERT INTO "MovementCount" AS c ("organisationId", "month", "type", "count")
    SELECT "organisationId", "month", "type", sum("delta")::int FROM taken GROUP BY 1, 2, 3
    ON CONFLICT ("organisationId", "month", "type") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END;
$$;

-- Everything from MovementEvent. SHARE mode waits for writers in flight and
-- holds new ones until commit, so no order is both recounted and left as a delta.
CREATE FUNCTION "movement_count_rebuild"() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    n integer;
BEGIN
    PERFORM pg_advisory_xact_lock(7243002);
    LOCK TABLE "MovementEvent" IN SHARE MODE;
    DELETE FROM "MovementCountDelta";
    DELETE FROM "MovementCount";
    INSERT INTO "MovementCount" ("organisationId", "month", "type", "count")
    SELECT ev."organisationId", "movement_month"(ev."effectiveDate"), ev."type", count(*)::int
    FROM "MovementEvent" ev
    WHERE ev."type" <> 'CANCELLATION'
      AND NOT EXISTS (SELECT 1 FROM "MovementEvent" c WHERE c."cancelsEventId" = ev."id")
    GROUP BY 1, 2, 3;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END;
$$;

-- SecondaryPlacement and HealthHistory rows of each given learner.
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

-- The summary's flush and rebuild now keep every derived table. The
-- per-learner ones ride on the summary's queue: Enrolment, Learner and
-- HealthRecord, their only sources, already queue the learners they touch.
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

-- The summary's own rebuild keeps its body under a new name; the rebuild that
-- callers know does it and then every derived table.
ALTER FUNCTION "learner_summary_rebuild"() RENAME TO "learner_summary_rebuild_summary";

CREATE FUNCTION "learner_summary_rebuild"() RETURNS integer
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
