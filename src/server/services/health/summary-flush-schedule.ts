// The summary's background job: flush the queue, then count one missing month
// of the health statistics. Kept in health (which already reads the summary)
// rather than in summary/, so the summary imports nothing from health.
import type { Db } from "../../db";
import { runEvery, type ScheduleHandle } from "../../schedule";
import { flushLearnerSummary } from "../summary/learner-summary";
import { countNextHealthMonth } from "./health-month-counts";

/**
 * Flushes in the background every `seconds`, so after a bulk import the first
 * dashboard does not pay for the recount, and counts one of the months the
 * health statistics keep for past dates while any is missing. Several
 * instances may run it: the flush's advisory lock makes them take turns.
 */
export function scheduleSummaryFlush(getDb: () => Promise<Db>, seconds: number, log = console): ScheduleHandle | null {
  if (seconds <= 0) return null;
  return runEvery(
    seconds * 1000,
    async () => {
      const db = await getDb();
      await flushLearnerSummary(db);
      await countNextHealthMonth(db);
    },
    { name: "summary", log },
  );
}
