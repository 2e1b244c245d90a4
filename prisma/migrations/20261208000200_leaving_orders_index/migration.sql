-- The movement report counts transfers out and expulsions by coded reason
-- straight from MovementEvent (services/movement/movement-counts.ts,
-- leavingOrdersByReason): a small partial index finds the leaving orders of a
-- period without visiting the year's promotions and enrolments (figures:
-- docs/performance.md). Partial, so it lives in this migration only (like
-- "Enrolment_ended_basic_endedAt").
CREATE INDEX "MovementEvent_leaving_effectiveDate_idx" ON "MovementEvent" ("effectiveDate") WHERE "type" IN ('TRANSFER_OUT', 'EXPULSION');
