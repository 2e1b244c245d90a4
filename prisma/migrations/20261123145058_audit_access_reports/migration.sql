-- CreateEnum
CREATE TYPE "AuditVerificationTrigger" AS ENUM ('SCHEDULE', 'MANUAL', 'CLI');

-- CreateTable
CREATE TABLE "AuditEventLearner" (
    "eventId" BIGINT NOT NULL,
    "learnerId" UUID NOT NULL,

    CONSTRAINT "AuditEventLearner_pkey" PRIMARY KEY ("learnerId","eventId")
);

-- CreateTable
CREATE TABLE "AuditVerificationRun" (
    "id" UUID NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "trigger" "AuditVerificationTrigger" NOT NULL,
    "full" BOOLEAN NOT NULL,
    "actorLogin" VARCHAR(64),
    "rowsChecked" INTEGER NOT NULL DEFAULT 0,
    "ok" BOOLEAN,
    "lastId" BIGINT,
    "lastHash" CHAR(64),
    "brokenAtId" BIGINT,
    "brokenReason" VARCHAR(16),
    "error" VARCHAR(500),

    CONSTRAINT "AuditVerificationRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEventLearner_eventId_idx" ON "AuditEventLearner"("eventId");

-- CreateIndex
CREATE INDEX "AuditVerificationRun_startedAt_idx" ON "AuditVerificationRun"("startedAt");

-- Hand-written: the learner links of audit rows are evidence too. Same
-- append-only rule as AuditEvent (see …_audit_append_only); the digest in the
-- audit row's details exposes a change made with triggers disabled.
CREATE TRIGGER "AuditEventLearner_no_update_delete"
    BEFORE UPDATE OR DELETE ON "AuditEventLearner"
    FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();

CREATE TRIGGER "AuditEventLearner_no_truncate"
    BEFORE TRUNCATE ON "AuditEventLearner"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();
