-- The performance measures (issue 21) find last year's class of a learner the
-- year-end rollover moved on through the promotion order's fromClassId, one
-- lookup per class (services/performance/measures-sql.ts). Without this index
-- each lookup read every promotion of the class's school.

-- CreateIndex
CREATE INDEX "MovementEvent_fromClassId_idx" ON "MovementEvent"("fromClassId");
