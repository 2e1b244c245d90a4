-- Справка об обучении (issue 21): the register of the справки a school issued
-- and their numbering per organisation and calendar year. The register is
-- distributed by the learner like the rest of the learner's rows; the counter
-- stays on the coordinator (src/server/db/distribution.ts).

-- CreateTable
CREATE TABLE "StudyCertificate" (
    "id" UUID NOT NULL,
    "learnerId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "year" SMALLINT NOT NULL,
    "number" INTEGER NOT NULL,
    "issuedOn" DATE NOT NULL,
    "academicYear" SMALLINT NOT NULL,
    "period" VARCHAR(30),
    "content" JSONB NOT NULL,
    "issuedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StudyCertificate_pkey" PRIMARY KEY ("learnerId","id")
);

-- CreateTable
CREATE TABLE "StudyCertificateCounter" (
    "organisationId" UUID NOT NULL,
    "year" SMALLINT NOT NULL,
    "lastNumber" INTEGER NOT NULL,

    CONSTRAINT "StudyCertificateCounter_pkey" PRIMARY KEY ("organisationId","year")
);

-- CreateIndex
CREATE INDEX "StudyCertificate_organisationId_issuedOn_idx" ON "StudyCertificate"("organisationId", "issuedOn");

-- AddForeignKey
ALTER TABLE "StudyCertificate" ADD CONSTRAINT "StudyCertificate_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "StudyCertificate" ADD CONSTRAINT "StudyCertificate_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
