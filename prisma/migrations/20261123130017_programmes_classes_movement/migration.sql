-- CreateEnum
CREATE TYPE "EducationForm" AS ENUM ('FULL_TIME', 'PART_TIME', 'EXTRAMURAL', 'FAMILY', 'SELF');

-- CreateEnum
CREATE TYPE "OvzCategory" AS ENUM ('DEAF', 'HARD_OF_HEARING', 'BLIND', 'VISUALLY_IMPAIRED', 'SPEECH_DISORDER', 'MUSCULOSKELETAL', 'DEVELOPMENTAL_DELAY', 'AUTISM', 'INTELLECTUAL_DISABILITY', 'COMPLEX');

-- CreateEnum
CREATE TYPE "ProgrammeDirection" AS ENUM ('TECHNICAL', 'NATURAL_SCIENCE', 'PHYSICAL_SPORTS', 'ARTS', 'TOURISM', 'SOCIAL_HUMANITARIAN');

-- CreateEnum
CREATE TYPE "MovementType" AS ENUM ('ENROLMENT', 'TRANSFER_OUT', 'TRANSFER_IN', 'CLASS_CHANGE', 'PROMOTION', 'REPEAT_YEAR', 'EXPULSION', 'GRADUATION', 'REINSTATEMENT', 'CANCELLATION');

-- CreateEnum
CREATE TYPE "TransferStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REJECTED', 'CANCELLED');

-- AlterTable
ALTER TABLE "Enrolment" ADD COLUMN     "classId" UUID,
ADD COLUMN     "programmeId" UUID;

-- CreateTable
CREATE TABLE "Programme" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "name" VARCHAR(300) NOT NULL,
    "level" "EducationLevel" NOT NULL,
    "isBasic" BOOLEAN NOT NULL,
    "adapted" BOOLEAN NOT NULL DEFAULT false,
    "ovzCategory" "OvzCategory",
    "direction" "ProgrammeDirection",
    "form" "EducationForm" NOT NULL DEFAULT 'FULL_TIME',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SchoolClass" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "academicYear" SMALLINT NOT NULL,
    "grade" SMALLINT NOT NULL,
    "letter" VARCHAR(4) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SchoolClass_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MovementEvent" (
    "id" UUID NOT NULL,
    "learnerId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "type" "MovementType" NOT NULL,
    "orderNumber" VARCHAR(50) NOT NULL,
    "orderDate" DATE NOT NULL,
    "effectiveDate" DATE NOT NULL,
    "enrolmentId" UUID,
    "fromClassId" UUID,
    "toClassId" UUID,
    "fromLevel" "EducationLevel",
    "toLevel" "EducationLevel",
    "fromGrade" SMALLINT,
    "toGrade" SMALLINT,
    "fromLetter" VARCHAR(4),
    "toLetter" VARCHAR(4),
    "reason" VARCHAR(500),
    "transferId" UUID,
    "cancelsEventId" UUID,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MovementEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Transfer" (
    "id" UUID NOT NULL,
    "learnerId" UUID NOT NULL,
    "fromOrganisationId" UUID NOT NULL,
    "toOrganisationId" UUID NOT NULL,
    "fromEnrolmentId" UUID NOT NULL,
    "status" "TransferStatus" NOT NULL DEFAULT 'PENDING',
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMPTZ(3),
    "rejectReason" VARCHAR(500),
    "createdById" UUID NOT NULL,
    "decidedById" UUID,

    CONSTRAINT "Transfer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Programme_organisationId_idx" ON "Programme"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolClass_organisationId_academicYear_grade_letter_key" ON "SchoolClass"("organisationId", "academicYear", "grade", "letter");

-- CreateIndex
CREATE UNIQUE INDEX "MovementEvent_cancelsEventId_key" ON "MovementEvent"("cancelsEventId");

-- CreateIndex
CREATE INDEX "MovementEvent_learnerId_effectiveDate_idx" ON "MovementEvent"("learnerId", "effectiveDate");

-- CreateIndex
CREATE INDEX "MovementEvent_organisationId_type_effectiveDate_idx" ON "MovementEvent"("organisationId", "type", "effectiveDate");

-- CreateIndex
CREATE INDEX "Transfer_toOrganisationId_status_idx" ON "Transfer"("toOrganisationId", "status");

-- CreateIndex
CREATE INDEX "Transfer_fromOrganisationId_status_idx" ON "Transfer"("fromOrganisationId", "status");

-- CreateIndex
CREATE INDEX "Transfer_learnerId_idx" ON "Transfer"("learnerId");

-- CreateIndex
CREATE INDEX "Enrolment_classId_idx" ON "Enrolment"("classId");

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_classId_fkey" FOREIGN KEY ("classId") REFERENCES "SchoolClass"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolClass" ADD CONSTRAINT "SchoolClass_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolClass" ADD CONSTRAINT "SchoolClass_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MovementEvent" ADD CONSTRAINT "MovementEvent_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MovementEvent" ADD CONSTRAINT "MovementEvent_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MovementEvent" ADD CONSTRAINT "MovementEvent_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MovementEvent" ADD CONSTRAINT "MovementEvent_fromClassId_fkey" FOREIGN KEY ("fromClassId") REFERENCES "SchoolClass"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MovementEvent" ADD CONSTRAINT "MovementEvent_toClassId_fkey" FOREIGN KEY ("toClassId") REFERENCES "SchoolClass"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MovementEvent" ADD CONSTRAINT "MovementEvent_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "Transfer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MovementEvent" ADD CONSTRAINT "MovementEvent_cancelsEventId_fkey" FOREIGN KEY ("cancelsEventId") REFERENCES "MovementEvent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_fromOrganisationId_fkey" FOREIGN KEY ("fromOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_toOrganisationId_fkey" FOREIGN KEY ("toOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
