// Programme and class input: shared by the school portal's forms and the
// tRPC procedures. Whether a programme is basic is derived from its level,
// never asked: only additional programmes are not basic.
import { z } from "zod";
import { EDUCATION_LEVELS, GRADE_RANGES, type EducationLevel } from "./learner";

export const EDUCATION_FORMS = ["FULL_TIME", "PART_TIME", "EXTRAMURAL", "FAMILY", "SELF"] as const;
export type EducationForm = (typeof EDUCATION_FORMS)[number];
export const OVZ_CATEGORIES = [
  "DEAF",
  "HARD_OF_HEARING",
  "BLIND",
  "VISUALLY_IMPAIRED",
  "SPEECH_DISORDER",
  "MUSCULOSKELETAL",
  "DEVELOPMENTAL_DELAY",
  "AUTISM",
  "INTELLECTUAL_DISABILITY",
  "COMPLEX",
] as const;
export type OvzCategory = (typeof OVZ_CATEGORIES)[number];
export const PROGRAMME_DIRECTIONS = ["TECHNICAL", "NATURAL_SCIENCE", "PHYSICAL_SPORTS", "ARTS", "TOURISM", "SOCIAL_HUMANITARIAN"] as const;
export type ProgrammeDirection = (typeof PROGRAMME_DIRECTIONS)[number];

export const MIN_ACADEMIC_YEAR = 2000;
export const MAX_ACADEMIC_YEAR = 2100;

const programmeFields = {
  name: z
    .string("Укажите название программы")
    .trim()
    .min(3, "Название программы: не короче 3 символов")
    .max(300, "Название программы: не длиннее 300 символов"),
  level: z.enum(EDUCATION_LEVELS, "Выберите уровень образования"),
  adapted: z.boolean().default(false),
  ovzCategory: z.enum(OVZ_CATEGORIES, "Выберите категорию ОВЗ из списка").nullish(),
  direction: z.enum(PROGRAMME_DIRECTIONS, "Выберите направленность из списка").nullish(),
  form: z.enum(EDUCATION_FORMS, "Выберите форму обучения").default("FULL_TIME"),
};

interface ProgrammeShape {
  level: EducationLevel;
  adapted: boolean;
  ovzCategory?: OvzCategory | null;
  direction?: ProgrammeDirection | null;
}

/** The rules the database CHECKs also hold, with a message on the field at fault. */
function programmeRules(v: ProgrammeShape, ctx: z.RefinementCtx) {
  if (v.adapted && !v.ovzCategory) {
    ctx.addIssue({ code: "custom", path: ["ovzCategory"], message: "Для адаптированной программы укажите категорию ОВЗ" });
  }
  if (!v.adapted && v.ovzCategory) {
    ctx.addIssue({ code: "custom", path: ["ovzCategory"], message: "Категория ОВЗ указывается только для адаптированной программы" });
  }
  if (v.level === "ADDITIONAL" && !v.direction) {
    ctx.addIssue({ code: "custom", path: ["direction"], message: "Для дополнительной программы укажите направленность" });
  }
  if (v.level !== "ADDITIONAL" && v.direction) {
    ctx.addIssue({ code: "custom", path: ["direction"], message: "Направленность указывается только для дополнительной программы" });
  }
}

/** Canonical columns: isBasic derived, absent options stored as null. */
function toProgrammeColumns<T extends ProgrammeShape>(v: T) {
  return { ...v, isBasic: v.level !== "ADDITIONAL", ovzCategory: v.ovzCategory ?? null, direction: v.direction ?? null };
}

export const ZCreateProgrammeInput = z.object(programmeFields).superRefine(programmeRules).transform(toProgrammeColumns);
export type CreateProgrammeInput = z.input<typeof ZCreateProgrammeInput>;
export type ProgrammeData = z.output<typeof ZCreateProgrammeInput>;

export const ZUpdateProgrammeInput = z
  .object({ id: z.uuid("Неверный идентификатор программы"), ...programmeFields })
  .superRefine(programmeRules)
  .transform(toProgrammeColumns);
export type UpdateProgrammeInput = z.output<typeof ZUpdateProgrammeInput>;

const zAcademicYear = z
  .number("Учебный год — число")
  .int("Учебный год — целое число")
  .min(MIN_ACADEMIC_YEAR, `Учебный год от ${MIN_ACADEMIC_YEAR} до ${MAX_ACADEMIC_YEAR}`)
  .max(MAX_ACADEMIC_YEAR, `Учебный год от ${MIN_ACADEMIC_YEAR} до ${MAX_ACADEMIC_YEAR}`);

export const ZCreateClassInput = z.object({
  programmeId: z.uuid("Выберите программу"),
  /** First calendar year of the academic year: 2026 is 2026/27. */
  academicYear: zAcademicYear,
  grade: z.number("Класс — число").int("Класс — целое число").min(0, "Класс от 0 до 12").max(12, "Класс от 0 до 12"),
  letter: z
    .string("Укажите литеру класса")
    .trim()
    .toUpperCase()
    .regex(/^[А-ЯЁ]{1,2}$/, "Литера класса: одна-две заглавные русские буквы"),
});
export type CreateClassInput = z.output<typeof ZCreateClassInput>;

export const ZListClassesInput = z.object({ academicYear: zAcademicYear });

/** Message when a grade does not fit the programme's level (НОО 1–4, ООО 5–9, СОО 10–11), else null. */
export function gradeMismatch(level: EducationLevel, grade: number): string | null {
  const range = GRADE_RANGES[level];
  if (!range || (grade >= range[0] && grade <= range[1])) return null;
  return `Для программы этого уровня класс от ${range[0]} до ${range[1]}`;
}

/**
 * The academic year a date falls in, as its first calendar year: it starts on
 * 1 September, so 31.08.2026 is in 2025/26 and 01.09.2026 in 2026/27. The
 * calendar date is taken in the region's time zone, not the machine's.
 */
export function currentAcademicYear(date: Date = new Date(), timeZone = "Europe/Moscow"): number {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "numeric" }).formatToParts(date);
  const year = Number(parts.find((p) => p.type === "year")?.value);
  const month = Number(parts.find((p) => p.type === "month")?.value);
  return month >= 9 ? year : year - 1;
}

/** «2026/27» for 2026. */
export const academicYearLabel = (year: number) => `${year}/${String((year + 1) % 100).padStart(2, "0")}`;
