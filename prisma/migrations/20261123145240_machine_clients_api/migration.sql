-- CreateEnum
CREATE TYPE "MachineClientKind" AS ENUM ('E_JOURNAL', 'PUBLIC_SERVICES', 'FEDERAL_SEGMENT');

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "machineClientId" UUID;

-- CreateTable
CREATE TABLE "MachineClient" (
    "id" UUID NOT NULL,
    "regionId" UUID NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "kind" "MachineClientKind" NOT NULL,
    "organisationId" UUID,
    "rateLimitPerMinute" INTEGER NOT NULL DEFAULT 120,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "MachineClient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MachineClientToken" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "lookupId" VARCHAR(24) NOT NULL,
    "tokenHash" CHAR(64) NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),
    "lastUsedAt" TIMESTAMPTZ(3),

    CONSTRAINT "MachineClientToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JournalGrade" (
    "subjectGradeId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "journalRecordId" VARCHAR(100) NOT NULL,
    "learnerId" UUID NOT NULL,
    "contentHash" CHAR(64) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JournalGrade_pkey" PRIMARY KEY ("subjectGradeId")
);

-- CreateTable
CREATE TABLE "LearnerChange" (
    "id" BIGSERIAL NOT NULL,
    "learnerId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LearnerChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MachineClient_regionId_idx" ON "MachineClient"("regionId");

-- CreateIndex
CREATE UNIQUE INDEX "MachineClientToken_lookupId_key" ON "MachineClientToken"("lookupId");

-- CreateIndex
CREATE INDEX "MachineClientToken_clientId_idx" ON "MachineClientToken"("clientId");

-- CreateIndex
CREATE INDEX "JournalGrade_clientId_journalRecordId_createdAt_idx" ON "JournalGrade"("clientId", "journalRecordId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_machineClientId_at_idx" ON "AuditEvent"("machineClientId", "at");

-- AddForeignKey
ALTER TABLE "MachineClient" ADD CONSTRAINT "MachineClient_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MachineClientToken" ADD CONSTRAINT "MachineClientToken_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "MachineClient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JournalGrade" ADD CONSTRAINT "JournalGrade_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "MachineClient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
