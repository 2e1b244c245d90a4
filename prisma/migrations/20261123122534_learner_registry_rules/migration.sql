-- Hand-written: registry rules Prisma's schema cannot express.

-- SNILS is stored as its 11 digits (checksum checked by the application).
ALTER TABLE "Learner" ADD CONSTRAINT "Learner_snils_format" CHECK ("snils" ~ '^[0-9]{11}$');
ALTER TABLE "Representative" ADD CONSTRAINT "Representative_snils_format" CHECK ("snils" ~ '^[0-9]{11}$');

-- Citizenship: an ОКСМ numeric code, or the explicit "stateless" (ОКСМ has no code for it).
ALTER TABLE "Learner" ADD CONSTRAINT "Learner_citizenship_format"
    CHECK ("citizenship" ~ '^[0-9]{3}$' OR "citizenship" = 'STATELESS');
ALTER TABLE "Representative" ADD CONSTRAINT "Representative_citizenship_format"
    CHECK ("citizenship" ~ '^[0-9]{3}$' OR "citizenship" = 'STATELESS');

-- Grades 0 (preparatory) to 12; an ended enrolment has an end date.
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_grade_range" CHECK ("grade" IS NULL OR "grade" BETWEEN 0 AND 12);
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_ended_has_date"
    CHECK (("status" = 'ENDED') = ("endedAt" IS NOT NULL));

-- At most one active basic-programme enrolment per learner (domain invariant),
-- enforced here so that two schools enrolling at the same moment cannot both win.
CREATE UNIQUE INDEX "Enrolment_one_active_basic_per_learner"
    ON "Enrolment" ("learnerId") WHERE "isBasic" AND "status" <> 'ENDED';

-- At most one primary contact per learner.
CREATE UNIQUE INDEX "LearnerRepresentative_one_primary_contact"
    ON "LearnerRepresentative" ("learnerId") WHERE "isPrimaryContact";

-- Case-insensitive name-prefix search ("иван" → Иванов, Иванова).
CREATE INDEX "Learner_lower_name_prefix"
    ON "Learner" (lower("lastName") text_pattern_ops, lower("firstName") text_pattern_ops);
