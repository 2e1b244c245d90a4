-- The learner summary's and the class counts' queueing triggers now call one
-- shared function, "queue_ids_of_rows" (src/server/db/definitions/queues.sql).
-- Drop the two functions it replaces; CASCADE drops the triggers that still
-- call them, and the definition files, applied after this migration, create
-- them again on the shared function. (On a new database the first exists,
-- made by migration 20261123175016_learner_summary; the second not yet.)
DROP FUNCTION IF EXISTS "learner_summary_queue"() CASCADE;
DROP FUNCTION IF EXISTS "class_performance_queue"() CASCADE;
