-- Tables of the machine-client API: the e-journal's grades (JournalGrade) and
-- the federal change feed (LearnerChange, read by
-- src/server/services/api/federal-feed.ts; import-change-log.integration.test.ts).
-- Idempotent, applied again whenever this file changes (src/server/db/definitions.ts):
-- CREATE OR REPLACE for functions and triggers (replacing a trigger locks its
-- table against writes only, not reads). To remove an object, drop it in a
-- versioned migration and delete it here.

-- One journal record id maps to a chain of grade rows; never edited. The
-- change feed (LearnerChange) is append-only too, refused by the same function.
CREATE OR REPLACE FUNCTION "journal_grade_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = '55000';
END;
$$;

-- The federal change feed is written at commit. The statement triggers on
-- Learner and Enrolment append the learner ids to LearnerChangePending, taking
-- no lock. The first entry of a transaction is marked `flush`, and a deferred
-- constraint trigger on that one row runs at commit: it takes the same lock,
-- moves the transaction's entries into LearnerChange (fresh ids, in the order
-- they were written) and empties the queue. The lock is held from there to the
-- end of the commit — so ids become visible in increasing order and a feed
-- reader never skips a row still being written — but not for the whole
-- transaction: taken at the first write, it made every audited action of
-- every school wait for an import's commit. An audited action records its audit row
-- last (recorder.ts), so it takes the lock at most that much earlier.
--
-- Which transaction has queued its flush is kept in a transaction-local
-- setting: it ends with the transaction, and it is rolled back with a
-- savepoint together with the entries and the queued trigger it stood for.
-- The flush clears it, so writes after a `SET CONSTRAINTS ALL IMMEDIATE`
-- queue another flush instead of leaving entries behind.
CREATE OR REPLACE FUNCTION "learner_change_log_statement"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    id_column text := CASE WHEN TG_TABLE_NAME = 'Learner' THEN 'id' ELSE 'learnerId' END;
    changed text := CASE WHEN TG_OP = 'DELETE' THEN 'old_rows' ELSE 'new_rows' END;
    touched boolean;
    first boolean;
BEGIN
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I)', changed) INTO touched;
    IF NOT touched THEN
        RETURN NULL;
    END IF;
    first := coalesce(current_setting('kontingent.learner_change_flush', true), '') <> 'queued';
    IF first THEN
        PERFORM set_config('kontingent.learner_change_flush', 'queued', true);
    END IF;
    IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'Enrolment' THEN
        -- An enrolment moved to another learner: the old one changed too.
        INSERT INTO "LearnerChangePending" ("learnerId")
            SELECT o."learnerId" FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE o."learnerId" <> n."learnerId";
    END IF;
    -- The statement's first entry carries the flush mark when the transaction has none yet.
    EXECUTE format(
        'INSERT INTO "LearnerChangePending" ("learnerId", "flush") SELECT %I, $1 AND row_number() OVER () = 1 FROM %I',
        id_column, changed
    ) USING first;
    RETURN NULL;
END;
$$;

-- At commit, once per transaction that changed a learner or an enrolment.
-- Another transaction's entries are invisible here (never committed: each
-- transaction moves its own before it commits), so the DELETE takes exactly
-- this transaction's.
CREATE OR REPLACE FUNCTION "learner_change_flush"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(7243001::bigint);
    WITH moved AS (
        DELETE FROM "LearnerChangePending" RETURNING "seq", "learnerId"
    )
    INSERT INTO "LearnerChange" ("learnerId") SELECT "learnerId" FROM moved ORDER BY "seq";
    PERFORM set_config('kontingent.learner_change_flush', '', true);
    RETURN NULL;
END;
$$;

CREATE OR REPLACE TRIGGER "Enrolment_change_log_delete" AFTER DELETE ON "Enrolment"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "learner_change_log_statement"();
CREATE OR REPLACE TRIGGER "Enrolment_change_log_insert" AFTER INSERT ON "Enrolment"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "learner_change_log_statement"();
CREATE OR REPLACE TRIGGER "Enrolment_change_log_update" AFTER UPDATE ON "Enrolment"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "learner_change_log_statement"();
CREATE OR REPLACE TRIGGER "JournalGrade_no_update_delete" BEFORE DELETE OR UPDATE ON "JournalGrade"
    FOR EACH ROW EXECUTE FUNCTION "journal_grade_append_only"();
CREATE OR REPLACE TRIGGER "Learner_change_log_delete" AFTER DELETE ON "Learner"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "learner_change_log_statement"();
CREATE OR REPLACE TRIGGER "Learner_change_log_insert" AFTER INSERT ON "Learner"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "learner_change_log_statement"();
CREATE OR REPLACE TRIGGER "Learner_change_log_update" AFTER UPDATE ON "Learner"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "learner_change_log_statement"();
CREATE OR REPLACE TRIGGER "LearnerChange_no_truncate" BEFORE TRUNCATE ON "LearnerChange"
    FOR EACH STATEMENT EXECUTE FUNCTION "journal_grade_append_only"();
CREATE OR REPLACE TRIGGER "LearnerChange_no_update_delete" BEFORE DELETE OR UPDATE ON "LearnerChange"
    FOR EACH ROW EXECUTE FUNCTION "journal_grade_append_only"();
-- PostgreSQL has no CREATE OR REPLACE for a constraint trigger: dropped and
-- created again, in this file's transaction.
DROP TRIGGER IF EXISTS "LearnerChangePending_flush_at_commit" ON "LearnerChangePending";
CREATE CONSTRAINT TRIGGER "LearnerChangePending_flush_at_commit" AFTER INSERT ON "LearnerChangePending"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (new.flush) EXECUTE FUNCTION "learner_change_flush"();
