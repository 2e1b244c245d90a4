-- A cancelled enrolment (its ENROLMENT or REINSTATEMENT order cancelled) never
-- took effect, so it creates no relationship between the organisation and the
-- learner (docs: "Relationships"). Until now it looked like any ended
-- enrolment and gave the organisation lasting read access to the learner.
ALTER TABLE "Enrolment" ADD COLUMN "cancelledAt" TIMESTAMPTZ(3);

-- Enrolments whose opening order was cancelled before this migration.
UPDATE "Enrolment" e
SET "cancelledAt" = c."createdAt"
FROM "MovementEvent" o
JOIN "MovementEvent" c ON c."learnerId" = o."learnerId" AND c."cancelsEventId" = o."id"
WHERE o."learnerId" = e."learnerId"
  AND o."enrolmentId" = e."id"
  AND o."type" IN ('ENROLMENT', 'REINSTATEMENT');
