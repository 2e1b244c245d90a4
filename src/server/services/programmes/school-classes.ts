// The one rule for an enrolment's class: at a level taught in classes it is
// one of the school's classes of the academic year («Программы и классы»),
// never free text. Every write path (learner form, movement orders, rollover,
// import) asks here, so the dashboards and the class list always agree.
import { classLabelOf, levelHasClasses, placementAcademicYear } from "@/lib/classes/class-year";
import { academicYearLabel } from "@/lib/schemas/programme";
import { todayIso } from "@/lib/schemas/person";
import type { PlacementSnapshot } from "@/lib/movement/placement-rules";
import { recordAudit, type AuditActor } from "../../audit/recorder";
import type { DbTx } from "../../db";
import { badRequest, DomainError } from "../../errors";

export interface ClassRef {
  id: string;
  programmeId: string;
}

/** Error code in `details.code`, so a page can show its own English text. */
export const UNKNOWN_CLASS = "CLASS_NOT_IN_LIST";

export function unknownClassMessage(grade: number, letter: string, academicYear: number): string {
  return (
    `Класса ${classLabelOf(grade, letter)} на ${academicYearLabel(academicYear)} учебный год в школе нет. ` +
    "Выберите класс из списка или сначала создайте его в разделе «Программы и классы»."
  );
}

export const missingLetterMessage = "Выберите класс из списка классов школы";

/** The school's class of that grade and letter in that year, or null. */
export function findSchoolClass(tx: DbTx, organisationId: string, academicYear: number, grade: number, letter: string): Promise<ClassRef | null> {
  return tx.schoolClass.findUnique({
    where: { organisationId_academicYear_grade_letter: { organisationId, academicYear, grade, letter } },
    select: { id: true, programmeId: true },
  });
}

export interface RequireClassOptions {
  /** The input field the refusal belongs to, e.g. "placement.classLetter". */
  field: string;
  /** A promotion or repeat ordered over the summer goes to the coming year's class. */
  forComingYear?: boolean;
}

/**
 * The class a placement names, or null where the level has no classes
 * (preschool, college, additional programme). A graded placement without a
 * letter, or with a class the school does not have that year, is refused with
 * the field, so the form shows the message under the class picker.
 */
export async function requireSchoolClass(
  tx: DbTx,
  organisationId: string,
  placement: PlacementSnapshot,
  effectiveIso: string,
  options: RequireClassOptions,
): Promise<ClassRef | null> {
  if (!levelHasClasses(placement.level)) return null;
  if (placement.grade === null) return null; // the schema already refuses a graded level without a grade
  if (!placement.classLetter) throw badRequest(missingLetterMessage, options.field);
  const academicYear = placementAcademicYear(effectiveIso, todayIso(), options.forComingYear);
  const found = await findSchoolClass(tx, organisationId, academicYear, placement.grade, placement.classLetter);
  if (found) return found;
  throw new DomainError("BAD_REQUEST", unknownClassMessage(placement.grade, placement.classLetter, academicYear), options.field, {
    code: UNKNOWN_CLASS,
    grade: placement.grade,
    letter: placement.classLetter,
    academicYear,
  });
}

export interface NeededClass {
  level: string;
  grade: number;
  letter: string;
}

/**
 * The school's basic programme for a level a new class goes under: active and
 * not adapted — a class under an АООП would put every learner placed in it on
 * an adapted programme, which says they have a disability (ОВЗ).
 */
export async function defaultProgrammeIds(tx: DbTx, organisationId: string): Promise<Map<string, string>> {
  const programmes = await tx.programme.findMany({
    where: { organisationId, isBasic: true, active: true, adapted: false },
    select: { id: true, level: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const byLevel = new Map<string, string>();
  for (const p of programmes) if (!byLevel.has(p.level)) byLevel.set(p.level, p.id);
  return byLevel;
}

const LEVEL_SHORT: Record<string, string> = { PRIMARY: "НОО", BASIC: "ООО", SECONDARY: "СОО" };

export const noProgrammeMessage = (levelName: string) =>
  `В школе нет действующей основной (не адаптированной) программы уровня «${levelName}»: создайте её в разделе «Программы и классы», затем повторите.`;

/**
 * Creates classes the school confirmed it wants (import, rollover), each under
 * the school's basic programme of its level, each audited as `class.create`
 * in the caller's transaction. Returns them keyed "grade|letter".
 */
export async function createConfirmedClasses(
  tx: DbTx,
  audit: { actor: AuditActor; via: string },
  organisationId: string,
  academicYear: number,
  needed: NeededClass[],
): Promise<Map<string, ClassRef>> {
  const programmes = await defaultProgrammeIds(tx, organisationId);
  const created = new Map<string, ClassRef>();
  for (const c of needed) {
    const key = `${c.grade}|${c.letter}`;
    if (created.has(key)) continue;
    const programmeId = programmes.get(c.level);
    if (!programmeId) throw badRequest(noProgrammeMessage(LEVEL_SHORT[c.level] ?? c.level), "createClasses");
    const row = await tx.schoolClass.create({
      data: { organisationId, programmeId, academicYear, grade: c.grade, letter: c.letter },
      select: { id: true, programmeId: true },
    });
    await recordAudit(tx, audit.actor, {
      action: "class.create",
      entityType: "SchoolClass",
      entityId: row.id,
      details: { academicYear, grade: c.grade, letter: c.letter, programmeId, via: audit.via },
    });
    created.set(key, row);
  }
  return created;
}
