-- Hand-written: history rules for health and grades, and value ranges.

-- Health records and subject grades are history: corrections are new rows.
CREATE FUNCTION "history_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: record a correction as a new row', TG_TABLE_NAME
        USING ERRCODE = '55000';
END;
$$;
CREATE TRIGGER "HealthRecord_no_update_delete" BEFORE UPDATE OR DELETE ON "HealthRecord"
    FOR EACH ROW EXECUTE FUNCTION "history_append_only"();
CREATE TRIGGER "HealthRecord_no_truncate" BEFORE TRUNCATE ON "HealthRecord"
    FOR EACH STATEMENT EXECUTE FUNCTION "history_append_only"();
CREATE TRIGGER "SubjectGrade_no_update_delete" BEFORE UPDATE OR DELETE ON "SubjectGrade"
    FOR EACH ROW EXECUTE FUNCTION "history_append_only"();
CREATE TRIGGER "SubjectGrade_no_truncate" BEFORE TRUNCATE ON "SubjectGrade"
    FOR EACH STATEMENT EXECUTE FUNCTION "history_append_only"();

-- Health: a disability has a term (until a date, or indefinite); an adapted
-- programme names its ОВЗ category; treatment has a start.
ALTER TABLE "HealthRecord" ADD CONSTRAINT "HealthRecord_disability_term"
    CHECK ("disability" IS NULL OR "disabilityIndefinite" OR "disabilityUntil" IS NOT NULL);
ALTER TABLE "HealthRecord" ADD CONSTRAINT "HealthRecord_adapted_category"
    CHECK (NOT "needsAdaptedProgramme" OR "ovzCategory" IS NOT NULL);
ALTER TABLE "HealthRecord" ADD CONSTRAINT "HealthRecord_treatment_period"
    CHECK (NOT "longTermTreatment" OR "treatmentFrom" IS NOT NULL);

-- Exams: ОГЭ/ГВЭ carry a mark 2–5 (and a primary score); ЕГЭ a test score 0–100.
ALTER TABLE "ExamResult" ADD CONSTRAINT "ExamResult_scores_by_kind" CHECK (
    CASE "kind"
        WHEN 'EGE' THEN "testScore" BETWEEN 0 AND 100 AND "mark" IS NULL
        ELSE "mark" BETWEEN 2 AND 5 AND "primaryScore" >= 0 AND "testScore" IS NULL
    END
);

-- Marks 2–5, or a pass/fail credit instead of a mark.
ALTER TABLE "SubjectGrade" ADD CONSTRAINT "SubjectGrade_mark_or_credit"
    CHECK (("mark" BETWEEN 2 AND 5 AND "credit" IS NULL) OR ("mark" IS NULL AND "credit" IS NOT NULL));
