// Portfolio (stage 3) inputs: achievements, state exams, grades and the
// school-leaving certificate. Shared by the card's forms and the server.
import { z } from "zod";
import { blankToUndefined, optional, todayIso, zDay } from "./person";

export const ACHIEVEMENT_LEVELS = ["SCHOOL", "MUNICIPAL", "REGIONAL", "INTERREGIONAL", "NATIONAL", "INTERNATIONAL"] as const;
export const ACHIEVEMENT_RESULTS = ["WINNER", "PRIZE_WINNER", "PARTICIPANT"] as const;
export const EXAM_KINDS = ["OGE", "GVE", "EGE"] as const;
export const CERTIFICATE_LEVELS = ["BASIC_GENERAL", "SECONDARY_GENERAL"] as const;
/** What became of a certificate: in use, or confirmed lost, exchanged or destroyed (ФИС ФРДО flags). */
export const CERTIFICATE_STATES = ["ACTIVE", "LOST", "EXCHANGED", "DESTROYED"] as const;
/** Stored as written: the period names schools use in their journals. */
export const GRADE_PERIODS = ["1 четверть", "2 четверть", "3 четверть", "4 четверть", "1 полугодие", "2 полугодие", "год", "итоговая"] as const;

export const currentYear = () => new Date().getUTCFullYear();

/** A whole number from a number input ("" → missing), within [min, max]. */
const zInt = (what: string, min: number, max: () => number, range: (max: number) => string) =>
  z.preprocess(
    (v) => {
      const b = blankToUndefined(v);
      return typeof b === "string" && /^\s*-?\d+\s*$/.test(b) ? Number(b) : b;
    },
    z
      .number({ error: `Укажите ${what}` })
      .int(range(max()))
      .refine((n) => n >= min && n <= max(), { error: () => range(max()) }),
  );

const zPastDay = (what: string, future: string) => zDay(what).refine((v) => v <= todayIso(), future);
const zText = (what: string, max: number) =>
  z.string({ error: `Укажите ${what}` }).trim().min(1, `Укажите ${what}`).max(max, `Не длиннее ${max} символов`);
const zYear = (what: string) => zInt(what, 2000, currentYear, (max) => `Год от 2000 до ${max}`);
/** A subject picked from the region's vocabulary (src/server/services/subjects). */
const zSubject = z.uuid("Выберите предмет из справочника");
const zMark = zInt("отметку", 2, () => 5, () => "Отметка от 2 до 5");

export const ZAddAchievementInput = z.object({
  learnerId: z.uuid(),
  kind: zText("вид достижения", 100),
  title: zText("название", 300),
  organiser: optional(z.string().trim().max(300, "Не длиннее 300 символов")),
  level: z.enum(ACHIEVEMENT_LEVELS, "Выберите уровень"),
  result: z.enum(ACHIEVEMENT_RESULTS, "Выберите результат"),
  date: zPastDay("дату", "Дата не может быть в будущем"),
});

const examBase = { learnerId: z.uuid(), subjectId: zSubject, year: zYear("год экзамена") };
const gradeNine = {
  ...examBase,
  primaryScore: zInt("первичный балл", 0, () => 100, () => "Первичный балл от 0 до 100"),
  mark: zMark,
};
/** ОГЭ and ГВЭ: primary score and mark 2–5; ЕГЭ: test score 0–100. */
export const ZAddExamInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("OGE"), ...gradeNine }),
  z.object({ kind: z.literal("GVE"), ...gradeNine }),
  z.object({ kind: z.literal("EGE"), ...examBase, testScore: zInt("тестовый балл", 0, () => 100, () => "Тестовый балл от 0 до 100") }),
], { error: "Выберите экзамен" });
export type AddExamInput = z.infer<typeof ZAddExamInput>;

/** A mark 2–5, or a pass/fail credit (зачтено / не зачтено) instead. */
const assessment = {
  mark: optional(zMark),
  credit: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.boolean().optional()),
};
const oneAssessment = (v: { mark?: number; credit?: boolean }, ctx: z.RefinementCtx) => {
  if ((v.mark === undefined) === (v.credit === undefined)) {
    ctx.addIssue({ code: "custom", path: ["mark"], message: "Укажите отметку от 2 до 5 или зачёт" });
  }
};

export const ZAddGradeInput = z
  .object({
    learnerId: z.uuid(),
    academicYear: zYear("учебный год"),
    subjectId: zSubject,
    period: z.enum(GRADE_PERIODS, "Выберите период"),
    ...assessment,
  })
  .superRefine(oneAssessment);
export type AddGradeInput = z.infer<typeof ZAddGradeInput>;

/** A correction is a new row superseding `gradeId`; year, subject and period stay. */
export const ZCorrectGradeInput = z.object({ learnerId: z.uuid(), gradeId: z.uuid(), ...assessment }).superRefine(oneAssessment);
export type CorrectGradeInput = z.infer<typeof ZCorrectGradeInput>;

// Each message is written out (no templates): the error catalogue recognises
// literal texts (src/lib/errors/catalogue.test.ts).
const DIGITS = /^\d*$/;
const SERIES = /^[0-9A-Za-zА-ЯЁа-яё-]*$/;

const dateReported = (issues: readonly { path?: readonly PropertyKey[] }[]) =>
  issues.some((i) => i.path?.[0] === "issuedAt" || i.path?.[0] === "originalIssuedAt");

/** The original a duplicate replaces; none of it on an original. */
export const CERTIFICATE_ORIGINAL_FIELDS = ["originalSeries", "originalNumber", "originalRegistrationNumber", "originalIssuedAt"] as const;

export const ZSetCertificateInput = z
  .object({
    learnerId: z.uuid(),
    level: z.enum(CERTIFICATE_LEVELS, "Выберите уровень аттестата"),
    number: z
      .string({ error: "Укажите номер аттестата" })
      .trim()
      .min(1, "Укажите номер аттестата")
      .max(30, "Номер аттестата не длиннее 30 цифр")
      .regex(DIGITS, "Номер аттестата: только цифры"),
    // Blanks since 2014 carry no series; older ones a short series of letters and digits.
    series: optional(z.string().trim().max(10, "Серия не длиннее 10 символов").regex(SERIES, "Серия: буквы и цифры")),
    // The number in the school's book of issued certificates: free text.
    registrationNumber: optional(z.string().trim().max(20, "Регистрационный номер не длиннее 20 символов")),
    issuedAt: zPastDay("дату выдачи", "Дата выдачи не может быть в будущем"),
    withHonours: z.boolean().default(false),
    duplicate: z.boolean().default(false),
    state: z.enum(CERTIFICATE_STATES, "Выберите состояние аттестата").default("ACTIVE"),
    // Optional when saving: the ФИС ФРДО check lists a duplicate that lacks them.
    originalSeries: optional(z.string().trim().max(10, "Серия оригинала не длиннее 10 символов").regex(SERIES, "Серия оригинала: буквы и цифры")),
    originalNumber: optional(z.string().trim().max(30, "Номер оригинала не длиннее 30 цифр").regex(DIGITS, "Номер оригинала: только цифры")),
    originalRegistrationNumber: optional(z.string().trim().max(20, "Регистрационный номер оригинала не длиннее 20 символов")),
    originalIssuedAt: optional(zPastDay("дату выдачи оригинала", "Дата выдачи оригинала не может быть в будущем")),
  })
  .superRefine((c, ctx) => {
    if (!c.duplicate) {
      for (const field of CERTIFICATE_ORIGINAL_FIELDS) {
        if (c[field] !== undefined) ctx.addIssue({ code: "custom", path: [field], message: "Сведения об оригинале указываются только для дубликата" });
      }
    } else if (c.originalIssuedAt !== undefined && c.originalIssuedAt > c.issuedAt && !dateReported(ctx.issues)) {
      // ISO days compare as strings; a date already refused (not a day, in the future) says so once.
      ctx.addIssue({ code: "custom", path: ["originalIssuedAt"], message: "Дата выдачи оригинала позже даты выдачи дубликата" });
    }
  });
export type SetCertificateInput = z.infer<typeof ZSetCertificateInput>;
