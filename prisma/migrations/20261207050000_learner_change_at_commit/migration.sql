-- CreateTable
CREATE TABLE "LearnerChangePending" (
    "seq" BIGSERIAL NOT NULL,
    "learnerId" UUID NOT NULL,
    "flush" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "LearnerChangePending_pkey" PRIMARY KEY ("seq")
);

-- Hand-written: the federal change log is written at commit (issue 18, item 12).
--
-- The statement triggers on Learner and Enrolment took the audit chain's
-- advisory lock (7243001) at a transaction's first learner write and held it
-- until commit, so that LearnerChange ids become visible in increasing order.
-- An import's first write comes seconds before its commit: for all that time
-- every audited action of every school (reads included: they append to the
-- same chain) waited, and failed after Prisma's 5 s transaction timeout.
--
-- Now the triggers append the learner ids to LearnerChangePending, taking no
-- lock. The first entry of a transaction is marked `flush`, and a deferred
-- constraint trigger on that one row runs at commit: it takes the same lock,
-- moves the transaction's entries into LearnerChange (fresh ids, in the order
-- they were written) and empties the queue. The lock is held from there to the
-- end of the commit, as before — so ids still become visible in increasing
-- order and a feed reader never skips a row still being written — but no
-- longer for the whole transaction. An audited action records its audit row
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
CREATE FUNCTION "learner_change_flush"() RETURNS trigger
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

CREATE CONSTRAINT TRIGGER "LearnerChangePending_flush_at_commit"
    AFTER INSERT ON "LearnerChangePending"
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW."flush")
    EXECUTE FUNCTION "learner_change_flush"();
