// The in-process scheduler of audit-chain verification, started once per
// server process from src/instrumentation.ts (Node runtime only). Several
// instances may run it: the run's advisory lock lets one of them verify and
// the others skip. Incremental runs, with a full walk once a day.
import type { Db } from "../../db";
import { runAuditVerification } from "./verification-runs";

/** The first run waits a little, so start-up and the first requests are not slowed. */
const FIRST_RUN_DELAY_MS = 60_000;

export interface ScheduleHandle {
  stop(): void;
}

export function scheduleAuditVerification(getDb: () => Promise<Db>, intervalMinutes: number, log = console): ScheduleHandle | null {
  if (intervalMinutes <= 0) return null;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const outcome = await runAuditVerification(await getDb(), { trigger: "SCHEDULE", full: "auto" });
      if (outcome.status === "busy") return;
      const { run } = outcome;
      if (run.ok) log.info(`[audit verify] chain intact: ${run.rowsChecked} rows checked (${run.full ? "full" : "incremental"})`);
      else log.error(`[audit verify] CHAIN BROKEN at row ${run.brokenAtId ?? "?"} (${run.brokenReason ?? run.error ?? "error"})`);
    } catch (error) {
      log.error("[audit verify] scheduled run failed", error);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), Math.min(FIRST_RUN_DELAY_MS, intervalMinutes * 60_000));
  const every = setInterval(() => void tick(), intervalMinutes * 60_000);
  // Never keep a process alive just for the schedule.
  first.unref();
  every.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
