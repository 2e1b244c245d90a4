-- The municipal account of children (issue 22): the ГАР address directory,
-- learners' structured addresses, territories assigned to schools by the
-- municipality's order, first-grade places, the register of resident children,
-- and coded reasons for leaving.

-- CreateEnum
CREATE TYPE "LeavingReason" AS ENUM ('TRANSFER_IN_REGION', 'TRANSFER_OTHER_REGION', 'TRANSFER_ABROAD', 'FAMILY_EDUCATION', 'SELF_EDUCATION', 'HEALTH', 'DISCIPLINARY', 'EMPLOYMENT', 'DEATH', 'OTHER');

-- CreateEnum
CREATE TYPE "AddressKind" AS ENUM ('RESIDENCE', 'STAY', 'ACTUAL');

-- CreateEnum
CREATE TYPE "AddressMatch" AS ENUM ('HOUSE', 'STREET', 'UNMATCHED', 'MANUAL');

-- CreateEnum
CREATE TYPE "TerritoryObjectKind" AS ENUM ('HOUSE', 'STREET', 'SETTLEMENT');

-- CreateEnum
CREATE TYPE "ResidentSource" AS ENUM ('REGISTRY_OFFICE', 'POLYCLINIC', 'MFC', 'OTHER');

-- CreateEnum
CREATE TYPE "ResidentMatch" AS ENUM ('SNILS', 'NAME_BIRTH_ADDRESS', 'NONE');

-- AlterTable
ALTER TABLE "Learner" ADD COLUMN     "stayAddress" VARCHAR(500);

-- AlterTable
ALTER TABLE "MovementEvent" ADD COLUMN     "leavingReason" "LeavingReason";

-- CreateTable
CREATE TABLE "AddressObject" (
    "objectId" BIGINT NOT NULL,
    "objectGuid" UUID NOT NULL,
    "parentId" BIGINT,
    "level" SMALLINT NOT NULL,
    "typeName" VARCHAR(50) NOT NULL,
    "name" VARCHAR(250) NOT NULL,
    "searchName" VARCHAR(250) NOT NULL,
    "municipalityId" UUID,
    "oktmo" VARCHAR(11),

    CONSTRAINT "AddressObject_pkey" PRIMARY KEY ("objectId")
);

-- CreateTable
CREATE TABLE "AddressHouse" (
    "objectId" BIGINT NOT NULL,
    "objectGuid" UUID NOT NULL,
    "parentId" BIGINT NOT NULL,
    "streetId" BIGINT,
    "settlementId" BIGINT,
    "municipalityId" UUID,
    "houseNum" VARCHAR(50) NOT NULL,
    "houseType" SMALLINT,
    "addNum1" VARCHAR(50),
    "addType1" SMALLINT,
    "addNum2" VARCHAR(50),
    "addType2" SMALLINT,
    "postcode" VARCHAR(6),
    "oktmo" VARCHAR(11),

    CONSTRAINT "AddressHouse_pkey" PRIMARY KEY ("objectId")
);

-- CreateTable
CREATE TABLE "LearnerAddress" (
    "learnerId" UUID NOT NULL,
    "kind" "AddressKind" NOT NULL,
    "municipalityId" UUID,
    "settlement" VARCHAR(150),
    "street" VARCHAR(150),
    "house" VARCHAR(50),
    "building" VARCHAR(50),
    "flat" VARCHAR(20),
    "postcode" VARCHAR(6),
    "garHouseId" BIGINT,
    "garObjectId" BIGINT,
    "match" "AddressMatch" NOT NULL,
    "sourceText" VARCHAR(500),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LearnerAddress_pkey" PRIMARY KEY ("learnerId","kind")
);

-- CreateTable
CREATE TABLE "TerritoryOrder" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "academicYear" SMALLINT NOT NULL,
    "orderNumber" VARCHAR(50) NOT NULL,
    "orderDate" DATE NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TerritoryOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TerritoryAssignment" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "academicYear" SMALLINT NOT NULL,
    "objectKind" "TerritoryObjectKind" NOT NULL,
    "garObjectId" BIGINT NOT NULL,

    CONSTRAINT "TerritoryAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FirstGradePlaces" (
    "organisationId" UUID NOT NULL,
    "academicYear" SMALLINT NOT NULL,
    "places" INTEGER NOT NULL,
    "updatedById" UUID NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FirstGradePlaces_pkey" PRIMARY KEY ("organisationId","academicYear")
);

-- CreateTable
CREATE TABLE "ResidentChild" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "lastName" VARCHAR(100) NOT NULL,
    "firstName" VARCHAR(100) NOT NULL,
    "middleName" VARCHAR(100),
    "searchName" VARCHAR(310) NOT NULL,
    "birthDate" DATE NOT NULL,
    "sex" "Sex",
    "snilsEnc" VARCHAR(200),
    "snilsIndex" VARCHAR(64),
    "addressText" VARCHAR(500),
    "garHouseId" BIGINT,
    "flat" VARCHAR(20),
    "source" "ResidentSource" NOT NULL,
    "learnerId" UUID,
    "matchedBy" "ResidentMatch" NOT NULL DEFAULT 'NONE',
    "educationForm" "EducationForm",
    "educationFormSince" DATE,
    "educationFormNote" VARCHAR(300),
    "leftAt" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ResidentChild_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AddressObject_objectGuid_key" ON "AddressObject"("objectGuid");

-- CreateIndex
CREATE INDEX "AddressObject_parentId_idx" ON "AddressObject"("parentId");

-- CreateIndex
CREATE INDEX "AddressObject_municipalityId_level_idx" ON "AddressObject"("municipalityId", "level");

-- CreateIndex
CREATE INDEX "AddressObject_searchName_idx" ON "AddressObject"("searchName");

-- CreateIndex
CREATE UNIQUE INDEX "AddressHouse_objectGuid_key" ON "AddressHouse"("objectGuid");

-- CreateIndex
CREATE INDEX "AddressHouse_parentId_houseNum_idx" ON "AddressHouse"("parentId", "houseNum");

-- CreateIndex
CREATE INDEX "AddressHouse_streetId_idx" ON "AddressHouse"("streetId");

-- CreateIndex
CREATE INDEX "AddressHouse_settlementId_idx" ON "AddressHouse"("settlementId");

-- CreateIndex
CREATE INDEX "AddressHouse_municipalityId_idx" ON "AddressHouse"("municipalityId");

-- CreateIndex
CREATE INDEX "LearnerAddress_garHouseId_idx" ON "LearnerAddress"("garHouseId");

-- CreateIndex
CREATE INDEX "LearnerAddress_municipalityId_match_idx" ON "LearnerAddress"("municipalityId", "match");

-- CreateIndex
CREATE UNIQUE INDEX "TerritoryOrder_municipalityId_academicYear_orderNumber_key" ON "TerritoryOrder"("municipalityId", "academicYear", "orderNumber");

-- CreateIndex
CREATE INDEX "TerritoryAssignment_academicYear_garObjectId_idx" ON "TerritoryAssignment"("academicYear", "garObjectId");

-- CreateIndex
CREATE INDEX "TerritoryAssignment_organisationId_academicYear_idx" ON "TerritoryAssignment"("organisationId", "academicYear");

-- CreateIndex
CREATE UNIQUE INDEX "TerritoryAssignment_orderId_organisationId_garObjectId_key" ON "TerritoryAssignment"("orderId", "organisationId", "garObjectId");

-- CreateIndex
CREATE INDEX "ResidentChild_municipalityId_searchName_birthDate_idx" ON "ResidentChild"("municipalityId", "searchName", "birthDate");

-- CreateIndex
CREATE INDEX "ResidentChild_municipalityId_birthDate_idx" ON "ResidentChild"("municipalityId", "birthDate");

-- CreateIndex
CREATE INDEX "ResidentChild_garHouseId_idx" ON "ResidentChild"("garHouseId");

-- CreateIndex
CREATE INDEX "ResidentChild_learnerId_idx" ON "ResidentChild"("learnerId");

-- CreateIndex
CREATE UNIQUE INDEX "ResidentChild_municipalityId_snilsIndex_key" ON "ResidentChild"("municipalityId", "snilsIndex");

-- AddForeignKey
ALTER TABLE "AddressObject" ADD CONSTRAINT "AddressObject_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AddressHouse" ADD CONSTRAINT "AddressHouse_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearnerAddress" ADD CONSTRAINT "LearnerAddress_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "LearnerAddress" ADD CONSTRAINT "LearnerAddress_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TerritoryOrder" ADD CONSTRAINT "TerritoryOrder_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TerritoryAssignment" ADD CONSTRAINT "TerritoryAssignment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "TerritoryOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TerritoryAssignment" ADD CONSTRAINT "TerritoryAssignment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FirstGradePlaces" ADD CONSTRAINT "FirstGradePlaces_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResidentChild" ADD CONSTRAINT "ResidentChild_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Prisma cannot express these.
-- A coded reason belongs to the orders that end a learner's stay only.
ALTER TABLE "MovementEvent" ADD CONSTRAINT "MovementEvent_leaving_reason_type"
    CHECK ("leavingReason" IS NULL OR "type" IN ('EXPULSION', 'TRANSFER_OUT'));
-- The register keeps the forms chosen outside organisations only.
ALTER TABLE "ResidentChild" ADD CONSTRAINT "ResidentChild_education_form_outside"
    CHECK ("educationForm" IS NULL OR "educationForm" IN ('FAMILY', 'SELF'));
ALTER TABLE "FirstGradePlaces" ADD CONSTRAINT "FirstGradePlaces_places_range"
    CHECK ("places" BETWEEN 0 AND 10000);
-- Without SNILS a resident is the same child by name and birth date (the
-- re-import's key); with SNILS the unique index above decides.
CREATE UNIQUE INDEX "ResidentChild_name_birth_without_snils" ON "ResidentChild" ("municipalityId", "searchName", "birthDate")
    WHERE "snilsIndex" IS NULL;
