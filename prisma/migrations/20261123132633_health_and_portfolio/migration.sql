-- CreateEnum
CREATE TYPE "HealthGroup" AS ENUM ('I', 'II', 'III', 'IV', 'V');

-- CreateEnum
CREATE TYPE "PeGroup" AS ENUM ('MAIN', 'PREPARATORY', 'SPECIAL_A', 'SPECIAL_B');

-- CreateEnum
CREATE TYPE "DisabilityCategory" AS ENUM ('CHILD', 'GROUP_I', 'GROUP_II', 'GROUP_III');

-- CreateEnum
CREATE TYPE "AchievementLevel" AS ENUM ('SCHOOL', 'MUNICIPAL', 'REGIONAL', 'INTERREGIONAL', 'NATIONAL', 'INTERNATIONAL');

-- CreateEnum
CREATE TYPE "AchievementResult" AS ENUM ('WINNER', 'PRIZE_WINNER', 'PARTICIPANT');

-- CreateEnum
CREATE TYPE "ExamKind" AS ENUM ('OGE', 'GVE', 'EGE');

-- CreateEnum
CREATE TYPE "CertificateLevel" AS ENUM ('BASIC_GENERAL', 'SECONDARY_GENERAL');

-- CreateTable
CREATE TABLE "HealthRecord" (
    "id" UUID NOT NULL,
    "learnerId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "recordedAt" DATE NOT NULL,
    "healthGroup" "HealthGroup" NOT NULL,
    "peGroup" "PeGroup" NOT NULL,
    "disability" "DisabilityCategory",
    "disabilityReason" VARCHAR(200),
    "disabilityUntil" DATE,
    "disabilityIndefinite" BOOLEAN NOT NULL DEFAULT false,
    "needsAdaptedProgramme" BOOLEAN NOT NULL DEFAULT false,
    "ovzCategory" "OvzCategory",
    "pmpkNumber" VARCHAR(50),
    "pmpkDate" DATE,
    "longTermTreatment" BOOLEAN NOT NULL DEFAULT false,
    "treatmentFrom" DATE,
    "treatmentTo" DATE,
    "supersedesId" UUID,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HealthRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Achievement" (
    "id" UUID NOT NULL,
    "learnerId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "kind" VARCHAR(100) NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "organiser" VARCHAR(300),
    "level" "AchievementLevel" NOT NULL,
    "result" "AchievementResult" NOT NULL,
    "date" DATE NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Achievement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExamResult" (
    "id" UUID NOT NULL,
    "learnerId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "kind" "ExamKind" NOT NULL,
    "subject" VARCHAR(100) NOT NULL,
    "year" SMALLINT NOT NULL,
    "primaryScore" SMALLINT,
    "mark" SMALLINT,
    "testScore" SMALLINT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExamResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubjectGrade" (
    "id" UUID NOT NULL,
    "learnerId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "academicYear" SMALLINT NOT NULL,
    "subject" VARCHAR(100) NOT NULL,
    "period" VARCHAR(30) NOT NULL,
    "mark" SMALLINT,
    "credit" BOOLEAN,
    "supersedesId" UUID,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubjectGrade_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Certificate" (
    "id" UUID NOT NULL,
    "learnerId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "level" "CertificateLevel" NOT NULL,
    "number" VARCHAR(30) NOT NULL,
    "issuedAt" DATE NOT NULL,
    "withHonours" BOOLEAN NOT NULL DEFAULT false,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "HealthRecord_supersedesId_key" ON "HealthRecord"("supersedesId");

-- CreateIndex
CREATE INDEX "HealthRecord_learnerId_recordedAt_idx" ON "HealthRecord"("learnerId", "recordedAt");

-- CreateIndex
CREATE INDEX "HealthRecord_organisationId_idx" ON "HealthRecord"("organisationId");

-- CreateIndex
CREATE INDEX "Achievement_learnerId_idx" ON "Achievement"("learnerId");

-- CreateIndex
CREATE INDEX "ExamResult_learnerId_idx" ON "ExamResult"("learnerId");

-- CreateIndex
CREATE UNIQUE INDEX "SubjectGrade_supersedesId_key" ON "SubjectGrade"("supersedesId");

-- CreateIndex
CREATE INDEX "SubjectGrade_learnerId_academicYear_idx" ON "SubjectGrade"("learnerId", "academicYear");

-- CreateIndex
CREATE INDEX "Certificate_learnerId_idx" ON "Certificate"("learnerId");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_level_number_key" ON "Certificate"("level", "number");

-- AddForeignKey
ALTER TABLE "HealthRecord" ADD CONSTRAINT "HealthRecord_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HealthRecord" ADD CONSTRAINT "HealthRecord_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HealthRecord" ADD CONSTRAINT "HealthRecord_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "HealthRecord"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Achievement" ADD CONSTRAINT "Achievement_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamResult" ADD CONSTRAINT "ExamResult_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubjectGrade" ADD CONSTRAINT "SubjectGrade_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubjectGrade" ADD CONSTRAINT "SubjectGrade_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "SubjectGrade"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
