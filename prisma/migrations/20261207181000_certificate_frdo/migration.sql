-- ФИС ФРДО export (issue 21): the certificate's blank series, registration
-- number, duplicate flag and state; existing certificates are originals in use.
CREATE TYPE "CertificateState" AS ENUM ('ACTIVE', 'LOST', 'EXCHANGED', 'DESTROYED');

ALTER TABLE "Certificate" ADD COLUMN "series" VARCHAR(10),
ADD COLUMN "registrationNumber" VARCHAR(20),
ADD COLUMN "duplicate" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "state" "CertificateState" NOT NULL DEFAULT 'ACTIVE';

CREATE INDEX "Certificate_organisationId_issuedAt_idx" ON "Certificate"("organisationId", "issuedAt");
