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

-- One function for the three events and both tables: the rows a statement
-- inserted or updated (new_rows) or deleted (old_rows), by the learner id
-- column of the table.
CREATE FUNCTION "learner_change_log_statement"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    id_column text := CASE WHEN TG_TABLE_NAME = 'Learner' THEN 'id' ELSE 'learnerId' END;
    changed text := CASE WHEN TG_OP = 'DELETE' THEN 'old_rows' ELSE 'new_rows' END;
    touched boolean;
BEGIN
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I)', changed) INTO touched;
    IF NOT touched THEN
        RETURN NULL;
    END IF;
    PERFORM pg_advisory_xact_lock(7243001::bigint);
    IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'Enrolment' THEN
        -- An enrolment moved to another learner: the old one changed too.
        INSERT INTO "LearnerChange" ("learnerId")
            SELECT o."learnerId" FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE o."learnerId" <> n."learnerId";
    END IF;
    EXECUTE format('INSERT INTO "LearnerChange" ("learnerId") SELECT %I FROM %I', id_column, changed);
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Learner_change_log_insert" AFTER INSERT ON "Learner"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "learner_change_log_statement"();
CREATE TRIGGER "Learner_change_log_update" AFTER UPDATE ON "Learner"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "learner_change_log_statement"();
CREATE TRIGGER "Learner_change_log_delete" AFTER DELETE ON "Learner"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "learner_change_log_statement"();
CREATE TRIGGER "Enrolment_change_log_insert" AFTER INSERT ON "Enrolment"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "learner_change_log_statement"();
CREATE TRIGGER "Enrolment_change_log_update" AFTER UPDATE ON "Enrolment"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "learner_change_log_statement"();
CREATE TRIGGER "Enrolment_change_log_delete" AFTER DELETE ON "Enrolment"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "learner_change_log_statement"();
