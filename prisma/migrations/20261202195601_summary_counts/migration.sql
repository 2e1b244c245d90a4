-- Count tables kept from LearnerSummary (models ContingentCount, HealthCount):
-- region-wide figures group a few hundred thousand count rows instead of a
-- million summary rows.
CREATE TABLE "ContingentCount" (
    "id" BIGSERIAL NOT NULL,
    "organisationId" UUID NOT NULL,
    "level" "EducationLevel" NOT NULL,
    "grade" SMALLINT,
    "classLetter" VARCHAR(4),
    "sex" "Sex" NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ContingentCount_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "HealthCount" (
    "id" BIGSERIAL NOT NULL,
    "organisationId" UUID NOT NULL,
    "grade" SMALLINT,
    "healthGroup" "HealthGroup" NOT NULL,
    "peGroup" "PeGroup" NOT NULL,
    "disability" "DisabilityCategory",
    "needsAdaptedProgramme" BOOLEAN NOT NULL,
    "ovzCategory" "OvzCategory",
    "count" INTEGER NOT NULL,

    CONSTRAINT "HealthCount_pkey" PRIMARY KEY ("id")
);

-- NULLS NOT DISTINCT: learners without a grade or class letter, or records
-- without a disability, form one group each, and ON CONFLICT finds it.
CREATE UNIQUE INDEX "ContingentCount_organisationId_level_grade_classLetter_sex_key" ON "ContingentCount"("organisationId", "level", "grade", "classLetter", "sex") NULLS NOT DISTINCT;

CREATE UNIQUE INDEX "HealthCount_organisationId_grade_healthGroup_peGroup_disabi_key" ON "HealthCount"("organisationId", "grade", "healthGroup", "peGroup", "disability", "needsAdaptedProgramme", "ovzCategory") NULLS NOT DISTINCT;

-- Groups that emptied are removed after each statement, found through these.
CREATE INDEX "ContingentCount_empty_idx" ON "ContingentCount"("id") WHERE "count" = 0;
CREATE INDEX "HealthCount_empty_idx" ON "HealthCount"("id") WHERE "count" = 0;

-- Health statistics for today count a learner whose placement and record
-- both began by today. The count table holds every learner with a record;
-- the few whose enrolment (or record) is dated later are found here and
-- subtracted by the reader.
CREATE INDEX "LearnerSummary_health_counted_from_idx" ON "LearnerSummary" (GREATEST("enrolledAt", "healthRecordedAt")) WHERE "healthRecordedAt" IS NOT NULL;

-- Adds TG_ARGV[0] (1 or -1) times the rows of the statement's transition
-- table `changed` to their groups. Only the summary's flush and rebuild write
-- LearnerSummary, under their advisory lock, so no two of these run at once.
CREATE FUNCTION "learner_summary_count"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    sign integer := TG_ARGV[0]::integer;
BEGIN
    INSERT INTO "ContingentCount" ("organisationId", "level", "grade", "classLetter", "sex", "count")
    SELECT "organisationId", "level", "grade", "classLetter", "sex", sign * count(*)
    FROM changed
    GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT ("organisationId", "level", "grade", "classLetter", "sex")
    DO UPDATE SET "count" = "ContingentCount"."count" + EXCLUDED."count";

    INSERT INTO "HealthCount" ("organisationId", "grade", "healthGroup", "peGroup", "disability", "needsAdaptedProgramme", "ovzCategory", "count")
    SELECT "organisationId", "grade", "healthGroup", "peGroup", "disability", "needsAdaptedProgramme", "ovzCategory", sign * count(*)
    FROM changed
    WHERE "healthRecordedAt" IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT ("organisationId", "grade", "healthGroup", "peGroup", "disability", "needsAdaptedProgramme", "ovzCategory")
    DO UPDATE SET "count" = "HealthCount"."count" + EXCLUDED."count";

    DELETE FROM "ContingentCount" WHERE "count" = 0;
    DELETE FROM "HealthCount" WHERE "count" = 0;
    RETURN NULL;
END;
$$;

CREATE FUNCTION "learner_summary_count_truncate"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE "ContingentCount", "HealthCount";
    RETURN NULL;
END;
$$;

CREATE TRIGGER "learner_summary_count_insert" AFTER INSERT ON "LearnerSummary"
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "learner_summary_count"('1');
CREATE TRIGGER "learner_summary_count_delete" AFTER DELETE ON "LearnerSummary"
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "learner_summary_count"('-1');
-- An update (none is written today) counts as its old rows out, new rows in.
CREATE TRIGGER "learner_summary_count_update_old" AFTER UPDATE ON "LearnerSummary"
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "learner_summary_count"('-1');
CREATE TRIGGER "learner_summary_count_update_new" AFTER UPDATE ON "LearnerSummary"
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "learner_summary_count"('1');
CREATE TRIGGER "learner_summary_count_truncate" AFTER TRUNCATE ON "LearnerSummary"
    FOR EACH STATEMENT EXECUTE FUNCTION "learner_summary_count_truncate"();

-- The summary as it stands, counted once; the triggers keep it from here.
INSERT INTO "ContingentCount" ("organisationId", "level", "grade", "classLetter", "sex", "count")
SELECT "organisationId", "level", "grade", "classLetter", "sex", count(*)
FROM "LearnerSummary"
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO "HealthCount" ("organisationId", "grade", "healthGroup", "peGroup", "disability", "needsAdaptedProgramme", "ovzCategory", "count")
SELECT "organisationId", "grade", "healthGroup", "peGroup", "disability", "needsAdaptedProgramme", "ovzCategory", count(*)
FROM "LearnerSummary"
WHERE "healthRecordedAt" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7;

ANALYZE "ContingentCount", "HealthCount", "LearnerSummary";
