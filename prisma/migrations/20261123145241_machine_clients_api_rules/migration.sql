-- Hand-written: machine-client rules and the federal change log.

-- An e-journal belongs to one organisation; the portal and the federal segment to none.
ALTER TABLE "MachineClient" ADD CONSTRAINT "MachineClient_organisation_by_kind"
    CHECK (("kind" = 'E_JOURNAL') = ("organisationId" IS NOT NULL));
ALTER TABLE "MachineClient" ADD CONSTRAINT "MachineClient_rate_limit_range"
    CHECK ("rateLimitPerMinute" BETWEEN 1 AND 100000);

-- One journal record id maps to a chain of grade rows; never edited.
CREATE FUNCTION "journal_grade_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = '55000';
END;
$$;
CREATE TRIGGER "JournalGrade_no_update_delete"
    BEFORE UPDATE OR DELETE ON "JournalGrade"
    FOR EACH ROW EXECUTE FUNCTION "journal_grade_append_only"();
CREATE TRIGGER "LearnerChange_no_update_delete"
    BEFORE UPDATE OR DELETE ON "LearnerChange"
    FOR EACH ROW EXECUTE FUNCTION "journal_grade_append_only"();
CREATE TRIGGER "LearnerChange_no_truncate"
    BEFORE TRUNCATE ON "LearnerChange"
    FOR EACH STATEMENT EXECUTE FUNCTION "journal_grade_append_only"();

-- The federal change log. Every write to a learner or an enrolment, by any
-- path (forms, movement orders, bulk import, SQL), appends the learner's id.
-- The trigger takes the audit chain's advisory lock (7243001, see
-- src/server/audit/recorder.ts) until commit, so ids become visible in
-- increasing order and a reader never skips a row still being written. It is
-- the same lock every audited change takes anyway, so no new lock order.
-- No column list in the triggers: columns may change (SNILS encryption)
-- without touching them.
CREATE FUNCTION "learner_change_log"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    changed_learner UUID;
BEGIN
    PERFORM pg_advisory_xact_lock(7243001::bigint);
    IF TG_TABLE_NAME = 'Learner' THEN
        changed_learner := CASE WHEN TG_OP = 'DELETE' THEN OLD."id" ELSE NEW."id" END;
    ELSE
        changed_learner := CASE WHEN TG_OP = 'DELETE' THEN OLD."learnerId" ELSE NEW."learnerId" END;
        -- An enrolment moved to another learner: the old one changed too.
        IF TG_OP = 'UPDATE' AND OLD."learnerId" <> NEW."learnerId" THEN
            INSERT INTO "LearnerChange" ("learnerId") VALUES (OLD."learnerId");
        END IF;
    END IF;
    INSERT INTO "LearnerChange" ("learnerId") VALUES (changed_learner);
    RETURN NULL;
END;
$$;
CREATE TRIGGER "Learner_change_log"
    AFTER INSERT OR UPDATE OR DELETE ON "Learner"
    FOR EACH ROW EXECUTE FUNCTION "learner_change_log"();
CREATE TRIGGER "Enrolment_change_log"
    AFTER INSERT OR UPDATE OR DELETE ON "Enrolment"
    FOR EACH ROW EXECUTE FUNCTION "learner_change_log"();

-- Learners that existed before the log: one entry each, so a replay from the
-- start reproduces them too.
INSERT INTO "LearnerChange" ("learnerId")
    SELECT "id" FROM "Learner" ORDER BY "createdAt", "id";
