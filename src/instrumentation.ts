// Runs once when the server starts: a missing or malformed environment stops
// it here with a readable message, not on the first request. Then starts the
// scheduled audit-chain verification, the background flush of the dashboards'
// summary and the data-quality recount (Node runtime only: they need the database).
import { nextRuntime } from "./lib/runtime-env";

export async function register() {
  if (nextRuntime() === "nodejs") {
    const { serverEnv } = await import("./server/env");
    const env = serverEnv();
    // Field-encryption keys parsed now: a malformed key stops the start, not a request.
    const { fieldKeys } = await import("./server/crypto/keys");
    fieldKeys();
    const { getDb } = await import("./server/db");
    const { scheduleAuditVerification } = await import("./server/services/audit/verification-schedule");
    scheduleAuditVerification(getDb, env.KONTINGENT_AUDIT_VERIFY_INTERVAL_MINUTES);
    const { scheduleSummaryFlush } = await import("./server/services/health/summary-flush-schedule");
    scheduleSummaryFlush(getDb, env.KONTINGENT_SUMMARY_FLUSH_SECONDS);
    const { scheduleQualitySnapshots } = await import("./server/services/quality/quality-snapshots");
    scheduleQualitySnapshots(getDb, env.KONTINGENT_QUALITY_MAX_AGE_MINUTES);
  }
}
