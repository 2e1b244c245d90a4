-- LearnerSummary: one row per learner with a current placement, the base of
-- every dashboard and report, and the flush and rebuild that keep it and the
-- other derived tables. learner-summary.ts (next to this file) calls the flush
-- and the rebuild; learner-summary.integration.test.ts and
-- summary-counts.integration.test.ts check them against a recount.
-- Idempotent, applied again whenever this file changes (src/server/db/definitions.ts):
-- CREATE OR REPLACE for functions and triggers (replacing a trigger locks its
-- table against writes only, not reads). To remove an object, drop it in a
-- versioned migration and delete it here.

-- Writes only queue: a statement trigger on each source table upserts the
-- learners the statement touched into "LearnerSummaryPending" through the
-- shared "queue_ids_of_rows" (src/server/db/definitions/queues.sql, which says
-- why an upsert and why in order); its third argument is the column holding
-- the learner's id.

-- The summary row of each given learner, from the source tables; none when
-- the learner has no ACTIVE or PENDING_TRANSFER enrolment. The current
-- enrolment is chosen as the dashboards always chose it: basic first, then
-- the newest.
CREATE OR REPLACE FUNCTION "learner_summary_compute"(ids uuid[]) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM "LearnerSummary" WHERE "learnerId" = ANY(ids);
    INSERT INTO "LearnerSummary" ("learnerId", "organisationId", "level", "isBasic", "grade", "classLetter", "enrolledAt",
        "sex", "birthDate", "personalComplete", "hasHealth", "hasPortfolio",
        "healthRecordedAt", "healthGroup", "peGroup", "disability", "needsAdaptedProgramme", "ovzCategory")
    SELECT l."id", e."organisationId", e."level", e."isBasic", e."grade", e."classLetter", e."enrolledAt",
        l."sex", l."birthDate",
        l."snilsIndex" IS NOT NULL AND l."docType" IS NOT NULL AND l."docNumberEnc" IS NOT NULL
            AND EXISTS (SELECT 1 FROM "LearnerRepresentative" r WHERE r."learnerId" = l."id")
            AND EXISTS (SELECT 1 FROM "Consent" c WHERE c."learnerId" = l."id" AND c."withdrawnAt" IS NULL),
        h."recordedAt" IS NOT NULL,
        EXISTS (SELECT 1 FROM "Achievement" a WHERE a."learnerId" = l."id")
            OR EXISTS (SELECT 1 FROM "ExamResult" x WHERE x."learnerId" = l."id")
            OR EXISTS (SELECT 1 FROM "SubjectGrade" g WHERE g."learnerId" = l."id"),
        h."recordedAt", h."healthGroup", h."peGroup", h."disability", h."needsAdaptedProgramme", h."ovzCategory"
    FROM unnest(ids) AS q("id")
    JOIN "Learner" l ON l."id" = q."id"
    JOIN LATERAL (
        SELECT e."organisationId", e."level", e."isBasic", e."grade", e."classLetter", e."enrolledAt"
        FROM "Enrolment" e
        WHERE e."learnerId" = l."id" AND e."status" IN ('ACTIVE', 'PENDING_TRANSFER')
        ORDER BY e."isBasic" DESC, e."enrolledAt" DESC, e."createdAt" DESC
        LIMIT 1
    ) e ON TRUE
    LEFT JOIN LATERAL (
        SELECT h."recordedAt", h."healthGroup", h."peGroup", h."disability", h."needsAdaptedProgramme", h."ovzCategory"
        FROM "HealthRecord" h
        WHERE h."learnerId" = l."id"
          AND NOT EXISTS (SELECT 1 FROM "HealthRecord" s WHERE s."supersedesId" = h."id")
        ORDER BY h."recordedAt" DESC, h."createdAt" DESC
        LIMIT 1
    ) h ON TRUE;
$$;

-- Readers flush: learner_summary_flush() takes the queue under the advisory
-- lock summaryFlush (one flusher at a time) and recomputes those learners from
-- the source tables, in the reader's transaction, before it counts: their
-- summary rows and every per-learner derived table (these ride on the
-- summary's queue: Enrolment, Learner and HealthRecord, their only sources,
-- queue the learners they touch). It folds the movement deltas and recounts
-- the queued classes' performance counts first (their own queues).
--
-- It also moves each recomputed learner's counting on the health months held:
-- their groups as counted from the derived rows before the recompute are
-- subtracted and as counted after it added, net (most flushes change no past
-- month, and then write nothing). A backdated record, correction or enrolment
-- thus reaches every month it changes, in the next flush.
CREATE OR REPLACE FUNCTION "learner_summary_flush"() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    ids uuid[];
    months date[];
    before "HealthMonthCount"[];
BEGIN
    PERFORM pg_advisory_xact_lock(7243002);
    PERFORM "movement_count_flush"();
    PERFORM "class_performance_flush"();
    WITH taken AS (DELETE FROM "LearnerSummaryPending" RETURNING "learnerId")
    SELECT array_agg("learnerId") INTO ids FROM taken;
    IF ids IS NULL THEN
        RETURN 0;
    END IF;
    months := ARRAY(SELECT "month" FROM "HealthMonth");
    IF cardinality(months) > 0 THEN
        before := ARRAY(SELECT "health_month_count_rows"(ids, months, -1));
    END IF;
    PERFORM "learner_summary_compute"(ids);
    PERFORM "additional_participation_compute"(ids);
    PERFORM "learner_history_compute"(ids);
    IF cardinality(months) > 0 THEN
        PERFORM "health_month_count_add"(before || ARRAY(SELECT "health_month_count_rows"(ids, months, 1)));
    END IF;
    RETURN cardinality(ids);
END;
$$;

-- The summary from scratch (learner_summary_rebuild below calls it). The same rows as
-- learner_summary_compute (an integration test compares the two), written
-- set-based: hash joins over whole tables instead of a million index probes.
CREATE OR REPLACE FUNCTION "learner_summary_rebuild_summary"() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    n integer;
BEGIN
    PERFORM pg_advisory_xact_lock(7243002);
    DELETE FROM "LearnerSummaryPending";
    TRUNCATE "LearnerSummary";
    INSERT INTO "LearnerSummary" ("learnerId", "organisationId", "level", "isBasic", "grade", "classLetter", "enrolledAt",
        "sex", "birthDate", "personalComplete", "hasHealth", "hasPortfolio",
        "healthRecordedAt", "healthGroup", "peGroup", "disability", "needsAdaptedProgramme", "ovzCategory")
    SELECT l."id", e."organisationId", e."level", e."isBasic", e."grade", e."classLetter", e."enrolledAt",
        l."sex", l."birthDate",
        l."snilsIndex" IS NOT NULL AND l."docType" IS NOT NULL AND l."docNumberEnc" IS NOT NULL
            AND r."learnerId" IS NOT NULL AND c."learnerId" IS NOT NULL,
        h."recordedAt" IS NOT NULL,
        p."learnerId" IS NOT NULL,
        h."recordedAt", h."healthGroup", h."peGroup", h."disability", h."needsAdaptedProgramme", h."ovzCategory"
    FROM (
        SELECT DISTINCT ON (e."learnerId") e."learnerId", e."organisationId", e."level", e."isBasic", e."grade", e."classLetter", e."enrolledAt"
        FROM "Enrolment" e
        WHERE e."status" IN ('ACTIVE', 'PENDING_TRANSFER')
        ORDER BY e."learnerId", e."isBasic" DESC, e."enrolledAt" DESC, e."createdAt" DESC
    ) e
    JOIN "Learner" l ON l."id" = e."learnerId"
    LEFT JOIN (
        SELECT DISTINCT ON (h."learnerId") h."learnerId", h."recordedAt", h."healthGroup", h."peGroup", h."disability",
            h."needsAdaptedProgramme", h."ovzCategory"
        FROM "HealthRecord" h
        WHERE NOT EXISTS (SELECT 1 FROM "HealthRecord" s WHERE s."supersedesId" = h."id")
        ORDER BY h."learnerId", h."recordedAt" DESC, h."createdAt" DESC
    ) h ON h."learnerId" = l."id"
    LEFT JOIN (SELECT DISTINCT "learnerId" FROM "LearnerRepresentative") r ON r."learnerId" = l."id"
    LEFT JOIN (SELECT DISTINCT "learnerId" FROM "Consent" WHERE "withdrawnAt" IS NULL) c ON c."learnerId" = l."id"
    LEFT JOIN (
        SELECT "learnerId" FROM "Achievement"
        UNION SELECT "learnerId" FROM "ExamResult"
        UNION SELECT "learnerId" FROM "SubjectGrade"
    ) p ON p."learnerId" = l."id";
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END;
$$;

-- Everything from scratch: after a bulk load that skipped triggers (npm run
-- db:generate), or to repair. The summary (its triggers recount
-- ContingentCount and HealthCount and drop the health months), then every
-- other derived table.
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
    PERFORM "class_performance_rebuild"();
    RETURN n;
END;
$$;

-- The queue's triggers: insert, update and delete on each source table.
CREATE OR REPLACE TRIGGER "Achievement_summary_delete" AFTER DELETE ON "Achievement"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_ids_of_rows"('LearnerSummaryPending', 'learnerId', 'learnerId');
CREATE OR REPLACE TRIGGER "Achievement_summary_insert" AFTER INSERT ON "Achievement"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_ids_of_rows"('LearnerSummaryPending', 'learnerId', 'learnerId');
CREATE OR REPLACE TRIGGER "Achievement_summary_update" AFTER UPDATE ON "Achievement"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_ids_of_rows"('LearnerSummaryPending', 'learnerId', 'learnerId');
CREATE OR REPLACE TRIGGER "Consent_summary_delete" AFTER DELETE ON "Consent"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_ids_of_rows"('LearnerSummaryPending', 'learnerId', 'learnerId');
CREATE OR REPLACE TRIGGER "Consent_summary_insert" AFTER INSERT ON "Consent"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_ids_of_rows"('LearnerSummaryPending', 'learnerId', 'learnerId');
CREATE OR REPLACE TRIGGER "Consent_summary_update" AFTER UPDATE ON "Consent"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_ids_of_rows"('LearnerSummaryPending', 'learnerId', 'learnerId');
CREATE OR REPLACE TRIGGER "Enrolment_summary_delete" AFTER DELETE ON "Enrolment"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_ids_of_rows"('LearnerSummaryPending', 'learnerId', 'learnerId');
CREATE OR REPLACE TRIGGER "Enrolment_summary_insert" AFTER INSERT ON "Enrolment"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_ids_of_rows"('LearnerSummaryPending', 'learnerId', 'learnerId');
CREATE OR REPLACE TRIGGER "Enrolment_summary_update" AFTER UPDATE ON "Enrolment"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_ids_of_rows"('LearnerSummaryPending', 'learnerId', 'learnerId');
CREATE OR REPLACE TRIGGER "ExamResult_summary_delete" AFTER DELETE ON "ExamResult"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_ids_of_rows"('LearnerSummaryPending', 'learnerId', 'learnerId');
CREATE OR REPLACE TRIGGER "ExamResult_summary_insert" AFTER INSERT ON "ExamResult"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_ids_of_rows"('LearnerSummaryPending', 'learnerId', 'learnerId');
CREATE OR REPLACE TRIGGER "ExamResult_summary_update" AFTER UPDATE ON "ExamResult"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_ids_of_rows"('LearnerSummaryPending', 'learnerId', 'learnerId');
CREATE OR REPLACE TRIGGER "HealthRecord_summary_delete" AFTER DELETE ON "HealthRecord"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_ids_of_rows"('LearnerSummaryPending', 'learnerId', 'learnerId');
CREATE OR REPLACE TRIGGER "HealthRecord_summary_insert" AFTER INSERT ON "HealthRecord"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_ids_of_rows"('LearnerSummaryPending', 'learnerId', 'learnerId');
CREATE OR REPLACE TRIGGER "HealthRecord_summary_update" AFTER UPDATE ON "HealthRecord"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_ids_of_rows"('LearnerSummaryPending', 'learnerId', 'learnerId');
CREATE OR REPLACE TRIGGER "Learner_summary_delete" AFTER DELETE ON "Learner"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_ids_of_rows"('LearnerSummaryPending', 'learnerId', 'id');
CREATE OR REPLACE TRIGGER "Learner_summary_insert" AFTER INSERT ON "Learner"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_ids_of_rows"('LearnerSummaryPending', 'learnerId', 'id');
CREATE OR REPLACE TRIGGER "Learner_summary_update" AFTER UPDATE ON "Learner"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_ids_of_rows"('LearnerSummaryPending', 'learnerId', 'id');
CREATE OR REPLACE TRIGGER "LearnerRepresentative_summary_delete" AFTER DELETE ON "LearnerRepresentative"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_ids_of_rows"('LearnerSummaryPending', 'learnerId', 'learnerId');
CREATE OR REPLACE TRIGGER "LearnerRepresentative_summary_insert" AFTER INSERT ON "LearnerRepresentative"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_ids_of_rows"('LearnerSummaryPending', 'learnerId', 'learnerId');
CREATE OR REPLACE TRIGGER "LearnerRepresentative_summary_update" AFTER UPDATE ON "LearnerRepresentative"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_ids_of_rows"('LearnerSummaryPending', 'learnerId', 'learnerId');
CREATE OR REPLACE TRIGGER "SubjectGrade_summary_delete" AFTER DELETE ON "SubjectGrade"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_ids_of_rows"('LearnerSummaryPending', 'learnerId', 'learnerId');
CREATE OR REPLACE TRIGGER "SubjectGrade_summary_insert" AFTER INSERT ON "SubjectGrade"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_ids_of_rows"('LearnerSummaryPending', 'learnerId', 'learnerId');
CREATE OR REPLACE TRIGGER "SubjectGrade_summary_update" AFTER UPDATE ON "SubjectGrade"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_ids_of_rows"('LearnerSummaryPending', 'learnerId', 'learnerId');
