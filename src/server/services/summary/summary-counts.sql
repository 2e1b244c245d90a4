-- ContingentCount and HealthCount, kept from LearnerSummary by its triggers:
-- region-wide figures group a few hundred thousand count rows instead of a
-- million summary rows. Read by src/server/services/dashboards/scope.ts and
-- src/server/services/health/health-stats.ts; summary-counts.integration.test.ts
-- (next to this file) checks them against a recount.
-- Idempotent, applied again whenever this file changes (src/server/db/definitions.ts):
-- CREATE OR REPLACE for functions and triggers (replacing a trigger locks its
-- table against writes only, not reads). To remove an object, drop it in a
-- versioned migration and delete it here.

-- Adds TG_ARGV[0] (1 or -1) times the rows of the statement's transition
-- table `changed` to their groups. Only the summary's flush and rebuild write
-- LearnerSummary, under their advisory lock, so no two of these run at once.
CREATE OR REPLACE FUNCTION "learner_summary_count"() RETURNS trigger
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

-- The summary truncated (its rebuild): the counts go with it, and the rebuild's
-- insert counts everything again.
CREATE OR REPLACE FUNCTION "learner_summary_count_truncate"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE "ContingentCount", "HealthCount";
    RETURN NULL;
END;
$$;

CREATE OR REPLACE TRIGGER "learner_summary_count_delete" AFTER DELETE ON "LearnerSummary"
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "learner_summary_count"('-1');
CREATE OR REPLACE TRIGGER "learner_summary_count_insert" AFTER INSERT ON "LearnerSummary"
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "learner_summary_count"('1');
CREATE OR REPLACE TRIGGER "learner_summary_count_truncate" AFTER TRUNCATE ON "LearnerSummary"
    FOR EACH STATEMENT EXECUTE FUNCTION "learner_summary_count_truncate"();
-- An update (none is written today) counts as its old rows out, new rows in.
CREATE OR REPLACE TRIGGER "learner_summary_count_update_new" AFTER UPDATE ON "LearnerSummary"
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "learner_summary_count"('1');
CREATE OR REPLACE TRIGGER "learner_summary_count_update_old" AFTER UPDATE ON "LearnerSummary"
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "learner_summary_count"('-1');
