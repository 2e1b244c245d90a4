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
-- A mark is history too, with one exception: a mark written before the
-- subjects vocabulary (issue 21) may be given its subject once — "subjectId"
-- from NULL to a subject, every other column as it was. That classifies the
-- row, it does not change what was recorded. The application role may update
-- that column only (src/server/db/app-role.ts).
CREATE OR REPLACE FUNCTION "subject_grade_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD."subjectId" IS NULL AND NEW."subjectId" IS NOT NULL
       AND (to_jsonb(NEW) - 'subjectId') = (to_jsonb(OLD) - 'subjectId') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% is append-only: record a correction as a new row', TG_TABLE_NAME
        USING ERRCODE = '55000';
END;
$$;

CREATE OR REPLACE TRIGGER "SubjectGrade_no_update_delete" BEFORE DELETE OR UPDATE ON "SubjectGrade"
    FOR EACH ROW EXECUTE FUNCTION "subject_grade_append_only"();
