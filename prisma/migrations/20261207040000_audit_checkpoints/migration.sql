-- Audit-chain anchors outside the chain (issue 18, item 4). The hash chain
-- alone cannot show that its newest rows were deleted, nor that it was
-- recomputed after a change: anyone with the table can recompute SHA-256.
-- A checkpoint records the last verified row's id and hash with an
-- HMAC-SHA256 under KONTINGENT_AUDIT_ANCHOR_KEY, which the database does not
-- hold; verification compares the chain with the latest valid checkpoint.
-- Runs and break acknowledgements are signed the same way (column "mac").

-- AlterTable
ALTER TABLE "AuditVerificationRun" ADD COLUMN     "brokenRef" VARCHAR(80),
ADD COLUMN     "mac" CHAR(64);

-- CreateTable
CREATE TABLE "AuditCheckpoint" (
    "id" BIGSERIAL NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "auditId" BIGINT NOT NULL,
    "hash" CHAR(64) NOT NULL,
    "runId" UUID,
    "mac" CHAR(64) NOT NULL,

    CONSTRAINT "AuditCheckpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditBreakAcknowledgement" (
    "id" UUID NOT NULL,
    "acknowledgedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "runId" UUID NOT NULL,
    "actorLogin" VARCHAR(64),
    "brokenAtId" BIGINT,
    "brokenReason" VARCHAR(16) NOT NULL,
    "brokenRef" VARCHAR(80),
    "reason" VARCHAR(1000) NOT NULL,
    "mac" CHAR(64) NOT NULL,

    CONSTRAINT "AuditBreakAcknowledgement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditBreakAcknowledgement_acknowledgedAt_idx" ON "AuditBreakAcknowledgement"("acknowledgedAt");

-- Hand-written: runs, checkpoints and acknowledgements are evidence like the
-- audit rows. One function for the three, naming the table it refuses.
CREATE FUNCTION "append_only_refuse"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME
        USING ERRCODE = '55000', -- object_not_in_prerequisite_state
              HINT = 'Rows of this table can only be inserted.';
END;
$$;

CREATE TRIGGER "AuditVerificationRun_no_update_delete"
    BEFORE UPDATE OR DELETE ON "AuditVerificationRun"
    FOR EACH ROW EXECUTE FUNCTION "append_only_refuse"();
CREATE TRIGGER "AuditVerificationRun_no_truncate"
    BEFORE TRUNCATE ON "AuditVerificationRun"
    FOR EACH STATEMENT EXECUTE FUNCTION "append_only_refuse"();

CREATE TRIGGER "AuditCheckpoint_no_update_delete"
    BEFORE UPDATE OR DELETE ON "AuditCheckpoint"
    FOR EACH ROW EXECUTE FUNCTION "append_only_refuse"();
CREATE TRIGGER "AuditCheckpoint_no_truncate"
    BEFORE TRUNCATE ON "AuditCheckpoint"
    FOR EACH STATEMENT EXECUTE FUNCTION "append_only_refuse"();

CREATE TRIGGER "AuditBreakAcknowledgement_no_update_delete"
    BEFORE UPDATE OR DELETE ON "AuditBreakAcknowledgement"
    FOR EACH ROW EXECUTE FUNCTION "append_only_refuse"();
CREATE TRIGGER "AuditBreakAcknowledgement_no_truncate"
    BEFORE TRUNCATE ON "AuditBreakAcknowledgement"
    FOR EACH STATEMENT EXECUTE FUNCTION "append_only_refuse"();
