// The class of each imported row: one of the school's classes of the academic
// year (as the learner form requires). A class the school does not have is
// refused with the row and column; the answer lists such classes so the page
// can offer «Создать классы 2В, 3В», and with that consent the plan creates
// them (under the school's basic programme of the level) instead.
import { randomUUID } from "node:crypto";
import { classLabelOf, levelHasClasses, placementAcademicYear } from "@/lib/classes/class-year";
import { todayIso } from "@/lib/schemas/person";
import type { DbTx } from "../../../db";
import { defaultProgrammeIds, missingLetterMessage, noProgrammeMessage, unknownClassMessage, type ClassRef } from "../../programmes/school-classes";
import type { ImportIssue } from "./row-to-input";

/** A class an import creates: the SchoolClass row itself. */
export interface NewClass {
  id: string;
  organisationId: string;
  programmeId: string;
  academicYear: number;
  grade: number;
  letter: string;
}

const LEVEL_SHORT: Record<string, string> = { PRIMARY: "НОО", BASIC: "ООО", SECONDARY: "СОО" };
const LETTER_COLUMN = "Литера";

export interface RowPlacement {
  level: string;
  grade: number | null;
  classLetter: string | null;
  enrolledAt: string;
}

export async function rowClasses(tx: DbTx, organisationId: string, createClasses: boolean) {
  const today = todayIso();
  const firstYear = placementAcademicYear(today, today);
  const known = new Map<string, ClassRef>();
  for (const c of await tx.schoolClass.findMany({
    where: { organisationId, academicYear: { gte: firstYear } },
    select: { id: true, programmeId: true, academicYear: true, grade: true, letter: true },
  })) {
    known.set(`${c.academicYear}|${c.grade}|${c.letter}`, c);
  }
  const programmes = createClasses ? await defaultProgrammeIds(tx, organisationId) : new Map<string, string>();
  const missing = new Set<string>();
  const created: NewClass[] = [];

  /** The row's class, null where its level has none, or the row's error. */
  function classOf(row: number, p: RowPlacement): ClassRef | null | ImportIssue {
    if (!levelHasClasses(p.level) || p.grade === null) return null;
    if (!p.classLetter) return { row, column: LETTER_COLUMN, message: missingLetterMessage };
    const academicYear = placementAcademicYear(p.enrolledAt, today);
    const key = `${academicYear}|${p.grade}|${p.classLetter}`;
    const found = known.get(key);
    if (found) return found;
    missing.add(classLabelOf(p.grade, p.classLetter));
    if (!createClasses) return { row, column: LETTER_COLUMN, message: unknownClassMessage(p.grade, p.classLetter, academicYear) };
    const programmeId = programmes.get(p.level);
    if (!programmeId) return { row, column: "Уровень", message: noProgrammeMessage(LEVEL_SHORT[p.level] ?? p.level) };
    const fresh: NewClass = { id: randomUUID(), organisationId, programmeId, academicYear, grade: p.grade, letter: p.classLetter };
    created.push(fresh);
    known.set(key, fresh);
    return fresh;
  }

  return {
    classOf,
    /** Labels of the classes the file names that the school lacks, in grade order. */
    missing: () => [...missing].sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b, "ru")),
    created: () => created,
  };
}

export const isIssue = (v: ClassRef | null | ImportIssue): v is ImportIssue => v !== null && "message" in v;
