-- Hand-written: the federal change log (see 20261123145241_machine_clients_api_rules)
-- is written once per statement instead of once per row. A bulk import inserts
-- 100,000 learners and enrolments in a few large statements; a row trigger
-- ran a PL/pgSQL body, took the advisory lock and inserted one row per row.
-- Now each statement appends the ids of all its rows with one INSERT ... SELECT
-- from the transition table. Same rows as before: one entry per learner row,
-- one per enrolment row, and for an enrolment moved to another learner the old
-- learner too. The lock (7243001, the audit chain's) is still taken before the
-- first entry and held until commit, so ids still become visible in increasing
-- order; a statement that touched no row takes no lock and writes nothing.
DROP TRIGGER "Learner_change_log" ON "Learner";
DROP TRIGGER "Enrolment_change_log" ON "Enrolment";
DROP FUNCTION "learner_change_log"();

CREATE FUNCTION "learner_change_log_inserted"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM new_rows) THEN
        RETURN NULL;
    END IF;
    PERFORM pg_advisory_xact_lock(7243001::bigint);
    IF TG_TABLE_NAME = 'Learner' THEN
        INSERT INTO "LearnerChange" ("learnerId") SELECT "id" FROM new_rows;
    ELSE
        INSERT INTO "LearnerChange" ("learnerId") SELECT "learnerId" FROM new_rows;
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION "learner_change_log_updated"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM new_rows) THEN
        RETURN NULL;
    END IF;
    PERFORM pg_advisory_xact_lock(7243001::bigint);
    IF TG_TABLE_NAME = 'Learner' THEN
        INSERT INTO "LearnerChange" ("learnerId") SELECT "id" FROM new_rows;
    ELSE
        -- An enrolment moved to another learner: the old one changed too.
        INSERT INTO "LearnerChange" ("learnerId")
            SELECT o."learnerId" FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE o."learnerId" <> n."learnerId";
        INSERT INTO "LearnerChange" ("learnerId") SELECT "learnerId" FROM new_rows;
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION "learner_change_log_deleted"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM old_rows) THEN
        RETURN NULL;
    END IF;
    PERFORM pg_advisory_xact_lock(7243001::bigint);
    IF TG_TABLE_NAME = 'Learner' THEN
        INSERT INTO "LearnerChange" ("learnerId") SELECT "id" FROM old_rows;
    ELSE
        INSERT INTO "LearnerChange" ("learnerId") SELECT "learnerId" FROM old_rows;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Learner_change_log_insert" AFTER INSERT ON "Learner"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "learner_change_log_inserted"();
CREATE TRIGGER "Learner_change_log_update" AFTER UPDATE ON "Learner"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "learner_change_log_updated"();
CREATE TRIGGER "Learner_change_log_delete" AFTER DELETE ON "Learner"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "learner_change_log_deleted"();
CREATE TRIGGER "Enrolment_change_log_insert" AFTER INSERT ON "Enrolment"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "learner_change_log_inserted"();
CREATE TRIGGER "Enrolment_change_log_update" AFTER UPDATE ON "Enrolment"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "learner_change_log_updated"();
CREATE TRIGGER "Enrolment_change_log_delete" AFTER DELETE ON "Enrolment"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "learner_change_log_deleted"();
