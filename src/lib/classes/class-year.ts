// Which academic year's class list a placement is chosen from. Shared by the
// class picker (what it offers) and the server (what it accepts), so the two
// never disagree.
import { GRADE_RANGES, type EducationLevel } from "@/lib/schemas/learner";

/** Levels taught in classes (НОО, ООО, СОО): a placement there names one of the school's classes. */
export const levelHasClasses = (level: string): boolean => GRADE_RANGES[level as EducationLevel] !== undefined;

/**
 * The academic year (its first calendar year) whose classes a placement is
 * chosen from. A back-dated order (a learner enrolled in 2022 and registered
 * now) places the learner in a class of the current year, since the card
 * records where the learner is now; an order that takes effect later, in that
 * later year. A promotion or repeat ordered over the summer (June–August)
 * belongs to the coming year.
 */
export function placementAcademicYear(effectiveIso: string, todayIso: string, forComingYear = false): number {
  const date = effectiveIso > todayIso ? effectiveIso : todayIso;
  const [year, month] = date.split("-").map(Number) as [number, number];
  if (month >= 9) return year;
  return forComingYear && month >= 6 ? year : year - 1;
}

/** «5В»: how the school names a class. */
export const classLabelOf = (grade: number, letter: string) => `${grade}${letter}`;
