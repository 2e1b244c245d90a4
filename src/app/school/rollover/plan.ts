// The rollover plan as the page edits it: what each decision does to a
// learner's class, the totals, and which rows differ from the server's default.
// The server recomputes the plan on commit with the same rules.
import { promoted, type PlacementSnapshot } from "@/lib/movement/placement-rules";
import type { ROLLOVER_ACTIONS } from "@/lib/schemas/movement";

export type RolloverAction = (typeof ROLLOVER_ACTIONS)[number];
export type Counts = Record<RolloverAction, number>;

export interface PlacementView {
  level: string;
  grade: number | null;
  classLetter: string | null;
}

export interface PlanRow {
  enrolmentId: string;
  from: PlacementView;
  defaultAction: RolloverAction;
}

/** The next grade, same letter (the server's own rule, shared). */
export function nextPlacement(p: PlacementView): PlacementView | null {
  return promoted(p as PlacementSnapshot);
}

/** Where a decision leaves the learner; null for graduation (the enrolment ends). */
export function targetOf(from: PlacementView, action: RolloverAction): PlacementView | null {
  if (action === "PROMOTION") return nextPlacement(from);
  if (action === "REPEAT_YEAR") return from;
  return null;
}

export function actionOf(row: PlanRow, choices: Readonly<Record<string, RolloverAction>>): RolloverAction {
  return choices[row.enrolmentId] ?? row.defaultAction;
}

export function countActions(rows: readonly PlanRow[], choices: Readonly<Record<string, RolloverAction>>): Counts {
  const counts: Counts = { PROMOTION: 0, REPEAT_YEAR: 0, GRADUATION: 0 };
  for (const row of rows) counts[actionOf(row, choices)] += 1;
  return counts;
}

/** Only the decisions that differ from the default travel to the server. */
export function overridesOf(rows: readonly PlanRow[], choices: Readonly<Record<string, RolloverAction>>) {
  return rows
    .filter((row) => actionOf(row, choices) !== row.defaultAction)
    .map((row) => ({ enrolmentId: row.enrolmentId, action: actionOf(row, choices) }));
}

/** Consecutive rows of one class (the server sorts by grade, letter, name). */
export function groupByClass<T extends PlanRow>(rows: readonly T[]): { key: string; from: PlacementView; rows: T[] }[] {
  const groups: { key: string; from: PlacementView; rows: T[] }[] = [];
  for (const row of rows) {
    const key = `${row.from.level}|${row.from.grade ?? ""}|${row.from.classLetter ?? ""}`;
    const last = groups.at(-1);
    if (last?.key === key) last.rows.push(row);
    else groups.push({ key, from: row.from, rows: [row] });
  }
  return groups;
}
