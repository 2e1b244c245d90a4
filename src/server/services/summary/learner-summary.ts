// The per-learner summary the oversight counts read (model LearnerSummary,
// kept by the functions and triggers of learner-summary.sql beside this file): writes
// queue the learners they touch, and a reader flushes the queue before it
// counts, so every committed change is in the figures it returns.
import type { Db, DbTx } from "../../db";
import { todayIso } from "@/lib/schemas/person";

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
