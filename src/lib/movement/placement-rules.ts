// What a promotion does to a placement: the next grade, and the level that
// grade belongs to (4 → 5 moves НОО to ООО; 9 → 10 moves ООО to СОО). Pure:
// the rollover page previews with it, the server decides with it.
import { GRADE_RANGES, type EducationLevel } from "@/lib/schemas/learner";

/** Level, grade and class letter of an enrolment at one moment. */
export interface PlacementSnapshot {
  level: EducationLevel;
  grade: number | null;
  classLetter: string | null;
}

/** Last grade of each school level: finishing it is graduation by default (9 and 11). */
export const FINAL_GRADES: Partial<Record<EducationLevel, number>> = { BASIC: 9, SECONDARY: 11 };

export function levelOfGrade(grade: number, fallback: EducationLevel): EducationLevel {
  for (const [level, range] of Object.entries(GRADE_RANGES) as [EducationLevel, [number, number]][]) {
    if (grade >= range[0] && grade <= range[1]) return level;
  }
  return fallback;
}

export function promoted(p: PlacementSnapshot): PlacementSnapshot | null {
  if (p.grade === null || p.grade >= 12) return null;
  const grade = p.grade + 1;
  return { level: levelOfGrade(grade, p.level), grade, classLetter: p.classLetter };
}

/** The default year-end action for an enrolment. */
export function defaultRolloverAction(p: PlacementSnapshot): "PROMOTION" | "GRADUATION" | null {
  if (p.grade === null) return null; // preschool groups, additional programmes: no grades to roll
  if (FINAL_GRADES[p.level] === p.grade || p.grade >= 11) return "GRADUATION";
  return "PROMOTION";
}
