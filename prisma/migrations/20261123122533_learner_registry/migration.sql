-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "IdentityDocumentType" AS ENUM ('BIRTH_CERTIFICATE_RF', 'PASSPORT_RF', 'FOREIGN_BIRTH_CERTIFICATE', 'FOREIGN_PASSPORT', 'OTHER');

-- CreateEnum
CREATE TYPE "RepresentativeRelation" AS ENUM ('MOTHER', 'FATHER', 'GUARDIAN', 'TRUSTEE', 'OTHER');

-- CreateEnum
CREATE TYPE "EducationLevel" AS ENUM ('PRESCHOOL', 'PRIMARY', 'BASIC', 'SECONDARY', 'VOCATIONAL', 'ADDITIONAL');

-- CreateEnum
CREATE TYPE "EnrolmentStatus" AS ENUM ('ACTIVE', 'PENDING_TRANSFER', 'ENDED');

-- CreateTable
CREATE TABLE "Learner" (
    "id" UUID NOT NULL,
    "regionId" UUID NOT NULL,
    "lastName" VARCHAR(100) NOT NULL,
    "firstName" VARCHAR(100) NOT NULL,
    "middleName" VARCHAR(100),
    "birthDate" DATE NOT NULL,
    "birthPlace" VARCHAR(300),
    "sex" "Sex" NOT NULL,
    "snils" CHAR(11),
    "citizenship" VARCHAR(9) NOT NULL,
    "docType" "IdentityDocumentType",
    "docSeries" VARCHAR(20),
    "docNumber" VARCHAR(30),
    "docIssuer" VARCHAR(300),
    "docIssuedAt" DATE,
    "docCountry" VARCHAR(3),
    "registrationAddress" VARCHAR(500),
    "actualAddress" VARCHAR(500),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Learner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Representative" (
    "id" UUID NOT NULL,
    "regionId" UUID NOT NULL,
    "lastName" VARCHAR(100) NOT NULL,
    "firstName" VARCHAR(100) NOT NULL,
    "middleName" VARCHAR(100),
    "birthDate" DATE,
    "sex" "Sex",
    "snils" CHAR(11),
    "citizenship" VARCHAR(9) NOT NULL,
    "docType" "IdentityDocumentType",
    "docSeries" VARCHAR(20),
    "docNumber" VARCHAR(30),
    "docIssuer" VARCHAR(300),
    "docIssuedAt" DATE,
    "docCountry" VARCHAR(3),
    "registrationAddress" VARCHAR(500),
    "actualAddress" VARCHAR(500),
    "phone" VARCHAR(30),
    "email" VARCHAR(200),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Representative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LearnerRepresentative" (
    "learnerId" UUID NOT NULL,
    "representativeId" UUID NOT NULL,
    "relation" "RepresentativeRelation" NOT NULL,
    "isPrimaryContact" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LearnerRepresentative_pkey" PRIMARY KEY ("learnerId","representativeId")
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" UUID NOT NULL,
    "learnerId" UUID NOT NULL,
    "representativeId" UUID NOT NULL,
    "givenAt" DATE NOT NULL,
    "scope" VARCHAR(500) NOT NULL,
    "withdrawnAt" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enrolment" (
    "id" UUID NOT NULL,
    "learnerId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "level" "EducationLevel" NOT NULL,
    "isBasic" BOOLEAN NOT NULL DEFAULT true,
    "grade" SMALLINT,
    "classLetter" VARCHAR(4),
    "status" "EnrolmentStatus" NOT NULL DEFAULT 'ACTIVE',
    "enrolledAt" DATE NOT NULL,
    "endedAt" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Enrolment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Learner_snils_key" ON "Learner"("snils");

-- CreateIndex
CREATE INDEX "Learner_regionId_lastName_firstName_idx" ON "Learner"("regionId", "lastName", "firstName");

-- CreateIndex
CREATE INDEX "Learner_lastName_firstName_sex_birthDate_idx" ON "Learner"("lastName", "firstName", "sex", "birthDate");

-- CreateIndex
CREATE UNIQUE INDEX "Representative_snils_key" ON "Representative"("snils");

-- CreateIndex
CREATE INDEX "LearnerRepresentative_representativeId_idx" ON "LearnerRepresentative"("representativeId");

-- CreateIndex
CREATE INDEX "Consent_learnerId_idx" ON "Consent"("learnerId");

-- CreateIndex
CREATE INDEX "Enrolment_organisationId_status_grade_classLetter_idx" ON "Enrolment"("organisationId", "status", "grade", "classLetter");

-- CreateIndex
CREATE INDEX "Enrolment_learnerId_idx" ON "Enrolment"("learnerId");

-- AddForeignKey
ALTER TABLE "LearnerRepresentative" ADD CONSTRAINT "LearnerRepresentative_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearnerRepresentative" ADD CONSTRAINT "LearnerRepresentative_representativeId_fkey" FOREIGN KEY ("representativeId") REFERENCES "Representative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_representativeId_fkey" FOREIGN KEY ("representativeId") REFERENCES "Representative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
