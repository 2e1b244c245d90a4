-- Rules of the health and portfolio tables.
-- Idempotent, applied again whenever this file changes (src/server/db/definitions.ts):
-- CREATE OR REPLACE for functions and triggers (replacing a trigger locks its
-- table against writes only, not reads). To remove an object, drop it in a
-- versioned migration and delete it here.

-- Health records and subject grades are history: corrections are new rows.
CREATE OR REPLACE FUNCTION "history_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: record a correction as a new row', TG_TABLE_NAME
        USING ERRCODE = '55000';
END;
$$;

CREATE OR REPLACE TRIGGER "HealthRecord_no_truncate" BEFORE TRUNCATE ON "HealthRecord"
    FOR EACH STATEMENT EXECUTE FUNCTION "history_append_only"();
CREATE OR REPLACE TRIGGER "HealthRecord_no_update_delete" BEFORE DELETE OR UPDATE ON "HealthRecord"
    FOR EACH ROW EXECUTE FUNCTION "history_append_only"();
CREATE OR REPLACE TRIGGER "SubjectGrade_no_truncate" BEFORE TRUNCATE ON "SubjectGrade"
    FOR EACH STATEMENT EXECUTE FUNCTION "history_append_only"();
CREATE OR REPLACE TRIGGER "SubjectGrade_no_update_delete" BEFORE DELETE OR UPDATE ON "SubjectGrade"
    FOR EACH ROW EXECUTE FUNCTION "history_append_only"();
