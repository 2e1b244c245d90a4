-- Hand-written: movement rules Prisma's schema cannot express.

-- Movement events are history: a mistaken one is cancelled by a new event,
-- never edited or removed (same protection as the audit trail).
CREATE FUNCTION "movement_event_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'MovementEvent is append-only: cancel an event with a new CANCELLATION event'
        USING ERRCODE = '55000';
END;
$$;
CREATE TRIGGER "MovementEvent_no_update_delete"
    BEFORE UPDATE OR DELETE ON "MovementEvent"
    FOR EACH ROW EXECUTE FUNCTION "movement_event_append_only"();
CREATE TRIGGER "MovementEvent_no_truncate"
    BEFORE TRUNCATE ON "MovementEvent"
    FOR EACH STATEMENT EXECUTE FUNCTION "movement_event_append_only"();

-- A cancellation, and only a cancellation, references the event it cancels.
ALTER TABLE "MovementEvent" ADD CONSTRAINT "MovementEvent_cancellation_reference"
    CHECK (("type" = 'CANCELLATION') = ("cancelsEventId" IS NOT NULL));

-- An adapted programme names its ОВЗ category; only additional programmes have a direction.
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_adapted_has_category"
    CHECK (NOT "adapted" OR "ovzCategory" IS NOT NULL);
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_direction_only_additional"
    CHECK ("direction" IS NULL OR "level" = 'ADDITIONAL');

ALTER TABLE "SchoolClass" ADD CONSTRAINT "SchoolClass_grade_range" CHECK ("grade" BETWEEN 0 AND 12);
ALTER TABLE "SchoolClass" ADD CONSTRAINT "SchoolClass_letter_format" CHECK ("letter" ~ '^[А-ЯЁ]{1,2}$');

-- At most one open transfer per learner; never to the sending organisation.
CREATE UNIQUE INDEX "Transfer_one_pending_per_learner" ON "Transfer" ("learnerId") WHERE "status" = 'PENDING';
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_between_two_organisations"
    CHECK ("fromOrganisationId" <> "toOrganisationId");
