// The in-process scheduler of audit-chain verification, started once per
// server process from src/instrumentation.ts (Node runtime only). Several
// instances may run it: the run's advisory lock lets one of them verify and
// the others skip. Incremental runs, with a full walk once a day.
import type { Db } from "../../db";
import { runEvery, type ScheduleHandle } from "../../schedule";
import { runAuditVerification } from "./verification-runs";

/** The first run waits a little, so start-up and the first requests are not slowed. */
const FIRST_RUN_DELAY_MS = 60_000;

export function scheduleAuditVerification(getDb: () => Promise<Db>, intervalMinutes: number, log = console): ScheduleHandle | null {
  if (intervalMinutes <= 0) return null;
  const verify = async () => {
    const outcome = await runAuditVerification(await getDb(), { trigger: "SCHEDULE", full: "auto" });
    if (outcome.status === "busy") return;
    const { run } = outcome;
    if (run.ok) log.info(`[audit verify] chain intact: ${run.rowsChecked} rows checked (${run.full ? "full" : "incremental"})`);
    else log.error(`[audit verify] CHAIN BROKEN at row ${run.brokenAtId ?? "?"} (${run.brokenReason ?? run.error ?? "error"})`);
  };
  const intervalMs = intervalMinutes * 60_000;
  return runEvery(intervalMs, verify, { firstRunMs: Math.min(FIRST_RUN_DELAY_MS, intervalMs), name: "audit verify", log });
}
