// The per-learner summary the oversight counts read (model LearnerSummary,
// kept by the hand-written migration 20261123175016_learner_summary): writes
// queue the learners they touch, and a reader flushes the queue before it
// counts, so every committed change is in the figures it returns.
import type { Db, DbTx } from "../../db";
import { todayIso } from "@/lib/schemas/person";
import { runEvery, type ScheduleHandle } from "../../schedule";
import { countNextHealthMonth } from "../health/health-month-counts";

/** Recomputes the queued learners; returns how many. Cheap when nothing changed. */
export async function flushLearnerSummary(db: Db | DbTx): Promise<number> {
  const [row] = await db.$queryRaw<{ flushed: number }[]>`SELECT "learner_summary_flush"() AS "flushed"`;
  return Number(row?.flushed ?? 0);
}

/** Recomputes every learner (after a bulk load that skipped triggers, or to repair). */
export async function rebuildLearnerSummary(db: Db | DbTx): Promise<number> {
  const [row] = await db.$queryRaw<{ rebuilt: number }[]>`SELECT "learner_summary_rebuild"() AS "rebuilt"`;
  return Number(row?.rebuilt ?? 0);
}

/**
 * The summary holds the present: an as-of date from today on is answered from
 * it; an earlier date needs the detail tables (enrolment dates, superseded
 * health records).
 */
export const summaryAnswers = (asOf: string) => asOf >= todayIso();

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
