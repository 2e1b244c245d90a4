// The one in-process timer of the server's background jobs (audit-chain
// verification, the dashboards' summary flush, the data-quality recount),
// started from src/instrumentation.ts. A tick is skipped while the previous
// run is still going, a failed run is logged and the next tick tries again,
// and the timers never keep the process alive.

export interface ScheduleHandle {
  stop(): void;
}

export function runEvery(
  intervalMs: number,
  task: () => Promise<void>,
  { firstRunMs, name, log = console }: { firstRunMs?: number; name: string; log?: Pick<Console, "error"> },
): ScheduleHandle {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await task();
    } catch (error) {
      log.error(`[${name}] scheduled run failed`, error);
    } finally {
      running = false;
    }
  };
  // Without `firstRunMs` the first run is the first interval's.
  const first = firstRunMs === undefined ? null : setTimeout(() => void tick(), firstRunMs);
  const every = setInterval(() => void tick(), intervalMs);
  first?.unref();
  every.unref();
  return {
    stop() {
      if (first) clearTimeout(first);
      clearInterval(every);
    },
  };
}
