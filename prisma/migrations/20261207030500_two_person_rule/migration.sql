-- Two-person rule (separation of duties): machine clients and accounts with a
-- data role take effect only when a second person approves them. Generated
-- part first (from schema.prisma), then the data moves and rules Prisma's
-- schema cannot express.

-- CreateEnum
CREATE TYPE "AccountRequestKind" AS ENUM ('CREATE', 'CHANGE');

-- CreateEnum
CREATE TYPE "AccountRequestStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "MachineClientApproval" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- AlterTable
ALTER TABLE "MachineClient" ADD COLUMN     "approvalStatus" "MachineClientApproval" NOT NULL DEFAULT 'PENDING',
ADD COLUMN     "approvedAt" TIMESTAMPTZ(3),
ADD COLUMN     "approvedById" UUID,
ADD COLUMN     "rejectedAt" TIMESTAMPTZ(3),
ADD COLUMN     "rejectedById" UUID;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "approvedAt" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "approvedById" UUID;

-- CreateTable
CREATE TABLE "AccountRequest" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "regionId" UUID NOT NULL,
    "kind" "AccountRequestKind" NOT NULL,
    "role" "Role" NOT NULL,
    "scopeKind" "ScopeKind" NOT NULL,
    "municipalityId" UUID,
    "organisationId" UUID,
    "status" "AccountRequestStatus" NOT NULL DEFAULT 'PENDING',
    "requestedById" UUID NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AccountRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccountRequest_regionId_status_idx" ON "AccountRequest"("regionId", "status");

-- CreateIndex
CREATE INDEX "AccountRequest_userId_idx" ON "AccountRequest"("userId");

-- AddForeignKey
ALTER TABLE "AccountRequest" ADD CONSTRAINT "AccountRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Rows that existed before the rule were live: they stay so. Their approver
-- is unknown (NULL: "approved by this migration"); the approval time is their
-- creation, so nothing looks newer than it is. Revoked clients are APPROVED
-- too: they were approved while they were in use.
UPDATE "MachineClient" SET "approvalStatus" = 'APPROVED', "approvedAt" = "createdAt";
UPDATE "User" SET "approvedAt" = "createdAt";

-- An approved client has its approval time; a rejected one is revoked with it.
ALTER TABLE "MachineClient" ADD CONSTRAINT "MachineClient_approval_check" CHECK (
    CASE "approvalStatus"
        WHEN 'PENDING' THEN "approvedAt" IS NULL AND "rejectedAt" IS NULL
        WHEN 'APPROVED' THEN "approvedAt" IS NOT NULL AND "rejectedAt" IS NULL
        WHEN 'REJECTED' THEN "rejectedAt" IS NOT NULL AND "approvedAt" IS NULL AND NOT "active"
        ELSE false
    END
);

-- A requested scope is as complete as an account's own (see User_scope_check).
ALTER TABLE "AccountRequest" ADD CONSTRAINT "AccountRequest_scope_check" CHECK (
    CASE "scopeKind"
        WHEN 'ORGANISATION' THEN "organisationId" IS NOT NULL AND "municipalityId" IS NULL
        WHEN 'MUNICIPALITY' THEN "municipalityId" IS NOT NULL AND "organisationId" IS NULL
        WHEN 'REGION' THEN "organisationId" IS NULL AND "municipalityId" IS NULL
        ELSE false
    END
);

-- A decided request names who decided and when; a pending one neither.
ALTER TABLE "AccountRequest" ADD CONSTRAINT "AccountRequest_decision_check" CHECK (
    ("status" = 'PENDING') = ("decidedAt" IS NULL)
);

-- At most one request per account waits at a time: a new one supersedes it.
CREATE UNIQUE INDEX "AccountRequest_one_pending_per_user" ON "AccountRequest" ("userId") WHERE "status" = 'PENDING';
