-- The one queueing trigger of the derived tables: a statement trigger on a
-- source table upserts the ids its rows name into a derived table's queue
-- ("LearnerSummaryPending", "ClassPerformancePending"), one statement per
-- write however many rows it has (an import of 10,000 rows queues once).
-- Idempotent, applied again whenever this file changes (src/server/db/definitions.ts).
--
-- The upsert (DO UPDATE, not DO NOTHING) locks the queue row until the writer
-- commits, so a flush that takes the row waits for the writer and then reads
-- its committed data: no change can slip between queueing and recomputing.
-- ORDER BY: two writers lock shared queue rows in one order.
--
-- TG_ARGV[0]: the queue table; TG_ARGV[1]: its key column; TG_ARGV[2]: the
-- column of the written rows that holds the id (old and new rows of an update
-- are both queued: a row moved from one learner or class to another changes both).
CREATE OR REPLACE FUNCTION "queue_ids_of_rows"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    upsert text := 'INSERT INTO %3$I (%4$I) SELECT DISTINCT %1$I FROM %2$I WHERE %1$I IS NOT NULL ORDER BY 1 '
        'ON CONFLICT (%4$I) DO UPDATE SET %4$I = EXCLUDED.%4$I';
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        EXECUTE format(upsert, TG_ARGV[2], 'new_rows', TG_ARGV[0], TG_ARGV[1]);
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        EXECUTE format(upsert, TG_ARGV[2], 'old_rows', TG_ARGV[0], TG_ARGV[1]);
    END IF;
    RETURN NULL;
END;
$$;
