-- CreateTable
CREATE TABLE "LearnerSummary" (
    "learnerId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "level" "EducationLevel" NOT NULL,
    "isBasic" BOOLEAN NOT NULL,
    "grade" SMALLINT,
    "classLetter" VARCHAR(4),
    "enrolledAt" DATE NOT NULL,
    "sex" "Sex" NOT NULL,
    "birthDate" DATE NOT NULL,
    "personalComplete" BOOLEAN NOT NULL,
    "hasHealth" BOOLEAN NOT NULL,
    "hasPortfolio" BOOLEAN NOT NULL,
    "healthRecordedAt" DATE,
    "healthGroup" "HealthGroup",
    "peGroup" "PeGroup",
    "disability" "DisabilityCategory",
    "needsAdaptedProgramme" BOOLEAN,
    "ovzCategory" "OvzCategory",

    CONSTRAINT "LearnerSummary_pkey" PRIMARY KEY ("learnerId")
);

-- CreateTable
CREATE TABLE "LearnerSummaryPending" (
    "learnerId" UUID NOT NULL,

    CONSTRAINT "LearnerSummaryPending_pkey" PRIMARY KEY ("learnerId")
);

-- CreateIndex
CREATE INDEX "LearnerSummary_organisationId_idx" ON "LearnerSummary"("organisationId");

-- Hand-written: keeping the summary.
--
-- Writes only queue: a statement trigger on each source table upserts the
-- learners the statement touched into "LearnerSummaryPending", one statement
-- per write however many rows it has (an import of 10,000 rows queues once).
-- The upsert (DO UPDATE, not DO NOTHING) locks the queue row until the writer
-- commits, so a flush that takes the row waits for the writer and then reads
-- its committed data: no change can slip between queueing and recomputing.
--
-- Readers flush: learner_summary_flush() takes the queue under an advisory
-- lock (one flusher at a time) and recomputes those learners from the source
-- tables, in the reader's transaction, before it counts.

-- The summary row of each given learner, from the source tables; none when
-- the learner has no ACTIVE or PENDING_TRANSFER enrolment. The current
-- enrolment is chosen as the dashboards always chose it: basic first, then
-- the newest.
CREATE FUNCTION "learner_summary_compute"(ids uuid[]) RETURNS void
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

CREATE FUNCTION "learner_summary_flush"() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    ids uuid[];
BEGIN
    PERFORM pg_advisory_xact_lock(7243002);
    WITH taken AS (DELETE FROM "LearnerSummaryPending" RETURNING "learnerId")
    SELECT array_agg("learnerId") INTO ids FROM taken;
    IF ids IS NULL THEN
        RETURN 0;
    END IF;
    PERFORM "learner_summary_compute"(ids);
    RETURN cardinality(ids);
END;
$$;

-- Everything from scratch: after this migration, after a bulk load that
-- skipped triggers (npm run db:generate), or to repair. The same rows as
-- learner_summary_compute (an integration test compares the two), written
-- set-based: hash joins over whole tables instead of a million index probes.
CREATE FUNCTION "learner_summary_rebuild"() RETURNS integer
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

-- TG_ARGV[0]: the column holding the learner's id.
CREATE FUNCTION "learner_summary_queue"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    upsert text := 'INSERT INTO "LearnerSummaryPending" ("learnerId") SELECT DISTINCT %1$I FROM %2$I WHERE %1$I IS NOT NULL ORDER BY 1 '
        'ON CONFLICT ("learnerId") DO UPDATE SET "learnerId" = EXCLUDED."learnerId"';
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        EXECUTE format(upsert, TG_ARGV[0], 'new_rows');
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        EXECUTE format(upsert, TG_ARGV[0], 'old_rows');
    END IF;
    RETURN NULL;
END;
$$;

DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT * FROM (VALUES
        ('Learner', 'id'), ('Enrolment', 'learnerId'), ('HealthRecord', 'learnerId'),
        ('LearnerRepresentative', 'learnerId'), ('Consent', 'learnerId'),
        ('Achievement', 'learnerId'), ('ExamResult', 'learnerId'), ('SubjectGrade', 'learnerId')
    ) AS v("tbl", "col") LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
            'FOR EACH STATEMENT EXECUTE FUNCTION "learner_summary_queue"(%L)', t."tbl" || '_summary_insert', t."tbl", t."col");
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
            'FOR EACH STATEMENT EXECUTE FUNCTION "learner_summary_queue"(%L)', t."tbl" || '_summary_update', t."tbl", t."col");
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
            'FOR EACH STATEMENT EXECUTE FUNCTION "learner_summary_queue"(%L)', t."tbl" || '_summary_delete', t."tbl", t."col");
    END LOOP;
END;
$$;

SELECT "learner_summary_rebuild"();
