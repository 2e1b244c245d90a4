-- The audit trail: its tables are append-only, and the recorder reads the
-- chain's head under its lock (src/server/audit/recorder.ts). On PostgreSQL the
-- application role cannot even try to change rows (src/server/db/app-role.ts).
-- Idempotent, applied again whenever this file changes (src/server/db/definitions.ts):
-- CREATE OR REPLACE for functions and triggers (replacing a trigger locks its
-- table against writes only, not reads). To remove an object, drop it in a
-- versioned migration and delete it here.

-- AuditEvent is an append-only, hash-chained trail: a row, once written, is
-- evidence. Refuse UPDATE and DELETE per row and TRUNCATE per statement (row
-- triggers do not fire on TRUNCATE). This guards against application bugs and
-- careless SQL; a superuser can still disable triggers, which the hash chain
-- then exposes.
CREATE OR REPLACE FUNCTION "audit_event_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'AuditEvent is append-only'
        USING ERRCODE = '55000', -- object_not_in_prerequisite_state
              HINT = 'Audit rows can only be inserted; record a new event instead.';
END;
$$;

-- Verification runs, checkpoints and acknowledgements are evidence like the
-- audit rows. One function for the three, naming the table it refuses.
CREATE OR REPLACE FUNCTION "append_only_refuse"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME
        USING ERRCODE = '55000', -- object_not_in_prerequisite_state
              HINT = 'Rows of this table can only be inserted.';
END;
$$;

-- The chain's head under the appenders' lock, in one round trip per append.
--
-- The recorder serialises appends with a transaction-level advisory lock and
-- then reads the chain's last hash. Both must stay separate statements in
-- PostgreSQL's sense: a single "SELECT lock, (SELECT hash ...)" would read the
-- hash with the snapshot taken when the statement started, i.e. before a
-- concurrent append it waited for had committed, and fork the chain. A
-- VOLATILE plpgsql function takes a fresh snapshot for each statement inside
-- it (READ COMMITTED, the application's level), so the read after the lock
-- sees every append committed before the lock was granted.
CREATE OR REPLACE FUNCTION "audit_chain_head_locked"(lock_key bigint) RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    head text;
BEGIN
    PERFORM pg_advisory_xact_lock(lock_key);
    SELECT "hash" INTO head FROM "AuditEvent" ORDER BY "id" DESC LIMIT 1;
    RETURN head;
END;
$$;

-- UPDATE and DELETE are refused per row, TRUNCATE per statement (row
-- triggers do not fire on TRUNCATE).
CREATE OR REPLACE TRIGGER "AuditBreakAcknowledgement_no_truncate" BEFORE TRUNCATE ON "AuditBreakAcknowledgement"
    FOR EACH STATEMENT EXECUTE FUNCTION "append_only_refuse"();
CREATE OR REPLACE TRIGGER "AuditBreakAcknowledgement_no_update_delete" BEFORE DELETE OR UPDATE ON "AuditBreakAcknowledgement"
    FOR EACH ROW EXECUTE FUNCTION "append_only_refuse"();
CREATE OR REPLACE TRIGGER "AuditCheckpoint_no_truncate" BEFORE TRUNCATE ON "AuditCheckpoint"
    FOR EACH STATEMENT EXECUTE FUNCTION "append_only_refuse"();
CREATE OR REPLACE TRIGGER "AuditCheckpoint_no_update_delete" BEFORE DELETE OR UPDATE ON "AuditCheckpoint"
    FOR EACH ROW EXECUTE FUNCTION "append_only_refuse"();
CREATE OR REPLACE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();
CREATE OR REPLACE TRIGGER "AuditEvent_no_update_delete" BEFORE DELETE OR UPDATE ON "AuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
CREATE OR REPLACE TRIGGER "AuditEventLearner_no_truncate" BEFORE TRUNCATE ON "AuditEventLearner"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();
CREATE OR REPLACE TRIGGER "AuditEventLearner_no_update_delete" BEFORE DELETE OR UPDATE ON "AuditEventLearner"
    FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
CREATE OR REPLACE TRIGGER "AuditVerificationRun_no_truncate" BEFORE TRUNCATE ON "AuditVerificationRun"
    FOR EACH STATEMENT EXECUTE FUNCTION "append_only_refuse"();
CREATE OR REPLACE TRIGGER "AuditVerificationRun_no_update_delete" BEFORE DELETE OR UPDATE ON "AuditVerificationRun"
    FOR EACH ROW EXECUTE FUNCTION "append_only_refuse"();
