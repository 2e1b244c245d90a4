-- Rules of the movement tables. The counts kept from MovementEvent are in
-- src/server/services/movement/movement-counts.sql.
-- Idempotent, applied again whenever this file changes (src/server/db/definitions.ts):
-- CREATE OR REPLACE for functions and triggers (replacing a trigger locks its
-- table against writes only, not reads). To remove an object, drop it in a
-- versioned migration and delete it here.

-- Movement events are history: a mistaken one is cancelled by a new event,
-- never edited or removed (same protection as the audit trail).
CREATE OR REPLACE FUNCTION "movement_event_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'MovementEvent is append-only: cancel an event with a new CANCELLATION event'
        USING ERRCODE = '55000';
END;
$$;

CREATE OR REPLACE TRIGGER "MovementEvent_no_truncate" BEFORE TRUNCATE ON "MovementEvent"
    FOR EACH STATEMENT EXECUTE FUNCTION "movement_event_append_only"();
CREATE OR REPLACE TRIGGER "MovementEvent_no_update_delete" BEFORE DELETE OR UPDATE ON "MovementEvent"
    FOR EACH ROW EXECUTE FUNCTION "movement_event_append_only"();
