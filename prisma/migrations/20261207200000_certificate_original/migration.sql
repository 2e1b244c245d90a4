-- ФИС ФРДО export (issue 21): the original a duplicate certificate replaces
-- (series, number, registration number, issue date), reported in the
-- template's block on the original. An original has none of them.
ALTER TABLE "Certificate" ADD COLUMN "originalSeries" VARCHAR(10),
ADD COLUMN "originalNumber" VARCHAR(30),
ADD COLUMN "originalRegistrationNumber" VARCHAR(20),
ADD COLUMN "originalIssuedAt" DATE;

-- Prisma cannot express this; the certificate service maps its violation to a field error.
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_original_only_duplicate" CHECK (
    "duplicate" OR (
        "originalSeries" IS NULL AND "originalNumber" IS NULL
        AND "originalRegistrationNumber" IS NULL AND "originalIssuedAt" IS NULL
    )
);
