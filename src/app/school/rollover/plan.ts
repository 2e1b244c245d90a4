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

/** Where a decision leaves the learner, in the chosen letter (default: the same); null for graduation. */
export function targetOf(from: PlacementView, action: RolloverAction, letter?: string): PlacementView | null {
  const to = action === "PROMOTION" ? nextPlacement(from) : action === "REPEAT_YEAR" ? from : null;
  return to && letter ? { ...to, classLetter: letter } : to;
}

export function actionOf(row: PlanRow, choices: Readonly<Record<string, RolloverAction>>): RolloverAction {
  return choices[row.enrolmentId] ?? row.defaultAction;
}

export function countActions(rows: readonly PlanRow[], choices: Readonly<Record<string, RolloverAction>>): Counts {
  const counts: Counts = { PROMOTION: 0, REPEAT_YEAR: 0, GRADUATION: 0 };
  for (const row of rows) counts[actionOf(row, choices)] += 1;
  return counts;
}

/** Only the decisions that differ from the default (action or next year's letter) travel to the server. */
export function overridesOf(rows: readonly PlanRow[], choices: Readonly<Record<string, RolloverAction>>, letters: Readonly<Record<string, string>> = {}) {
  return rows
    .filter((row) => actionOf(row, choices) !== row.defaultAction || letterOf(row, choices, letters) !== undefined)
    .map((row) => {
      const letter = letterOf(row, choices, letters);
      return { enrolmentId: row.enrolmentId, action: actionOf(row, choices), ...(letter ? { classLetter: letter } : {}) };
    });
}

/** A chosen letter that differs from the learner's own (graduation has none). */
export function letterOf(row: PlanRow, choices: Readonly<Record<string, RolloverAction>>, letters: Readonly<Record<string, string>>): string | undefined {
  const letter = letters[row.enrolmentId];
  return letter && actionOf(row, choices) !== "GRADUATION" && letter !== row.from.classLetter ? letter : undefined;
}

/** Where a row goes with the page's choices. */
export const rowTarget = (row: PlanRow, choices: Readonly<Record<string, RolloverAction>>, letters: Readonly<Record<string, string>>) =>
  targetOf(row.from, actionOf(row, choices), letterOf(row, choices, letters));

/** "grade|letter" of next year's classes the school has. */
export const classKeys = (classes: readonly { grade: number; letter: string }[]) => new Set(classes.map((c) => `${c.grade}|${c.letter}`));

/** Totals plus the learners whose target class the school does not have next year («без класса»), and those classes. */
export function tallyOf(rows: readonly PlanRow[], choices: Readonly<Record<string, RolloverAction>>, letters: Readonly<Record<string, string>>, have: ReadonlySet<string>) {
  const counts = countActions(rows, choices);
  const missing = new Set<string>();
  let undecided = 0;
  for (const row of rows) {
    const to = rowTarget(row, choices, letters);
    if (to && to.grade !== null && to.classLetter && !have.has(`${to.grade}|${to.classLetter}`)) {
      undecided += 1;
      missing.add(`${to.grade}${to.classLetter}`);
    }
  }
  return { ...counts, undecided, missing: [...missing].sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b, "ru")) };
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
