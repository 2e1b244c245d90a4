-- Reports for a past date add the basic enrolments ended since that date to
-- the per-learner summary's held ones (services/reports/oo1.ts): a small
-- partial index finds them without scanning every enrolment.
CREATE INDEX "Enrolment_ended_basic_endedAt" ON "Enrolment" ("endedAt") WHERE "isBasic" AND "status" = 'ENDED';
