// E-journal endpoints: class lists out (identity subset only), period and
// final marks in. The mark rules are those of the portfolio form.
import { z } from "zod";
import { GRADE_PERIODS, currentYear } from "../portfolio";
import { zApiDate, zApiUuid } from "./common";

/** Rows per POST /ejournal/grades; larger batches are refused whole. */
export const GRADE_BATCH_LIMIT = 500;

export const ZApiClassesQuery = z.object({
  academicYear: z.coerce
    .number({ error: "Учебный год — число, например 2026" })
    .int("Учебный год — целое число")
    .min(2000, "Учебный год от 2000")
    .max(2100, "Учебный год до 2100")
    .optional()
    .meta({ description: "First calendar year of the academic year (2026 = 2026/27); default: all years" }),
});

export const ZApiClass = z.object({
  id: z.uuid(),
  academicYear: z.number().int(),
  grade: z.number().int(),
  letter: z.string(),
  programmeId: z.uuid(),
  learnerCount: z.number().int(),
});
export const ZApiClassList = z.object({ classes: z.array(ZApiClass) });

/** Identity subset: no SNILS, no documents, no addresses, no health. */
export const ZApiClassLearner = z.object({
  id: z.uuid(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  birthDate: zApiDate,
  sex: z.enum(["MALE", "FEMALE"]),
});
export const ZApiClassLearners = z
  .object({ classId: z.uuid(), learners: z.array(ZApiClassLearner) })
  ;

export const ZApiGradeRow = z
  .object({
    journalRecordId: z
      .string({ error: "Укажите идентификатор записи журнала" })
      .trim()
      .min(1, "Укажите идентификатор записи журнала")
      .max(100, "Идентификатор записи не длиннее 100 символов")
      .meta({ description: "The journal's own id of this mark; re-sending it is idempotent, changing its content is a correction" }),
    learnerId: zApiUuid,
    academicYear: z
      .number({ error: "Укажите учебный год" })
      .int("Учебный год — целое число")
      .refine((y) => y >= 2000 && y <= currentYear(), { error: () => `Учебный год от 2000 до ${currentYear()}` }),
    subject: z
      .string({ error: "Укажите предмет" })
      .trim()
      .min(1, "Укажите предмет")
      .max(100, "Предмет не длиннее 100 символов")
      .meta({
        description:
          "The subject's code in the region's vocabulary (e.g. MATH, ALGEBRA, RUSSIAN; see docs/api.md), or, for journals written before it, the vocabulary's exact name (case, spaces and ё/е aside). Anything else refuses the row (INVALID_ROW, issue on `subject`)",
      }),
    period: z.enum(GRADE_PERIODS, "Период: «1 четверть» … «4 четверть», «1 полугодие», «2 полугодие», «год» или «итоговая»"),
    mark: z.number().int("Отметка — целое число").min(2, "Отметка от 2 до 5").max(5, "Отметка от 2 до 5").optional(),
    credit: z.boolean().optional().meta({ description: "Pass/fail subjects: true = зачтено; give either mark or credit" }),
  })
  .refine((row) => (row.mark === undefined) !== (row.credit === undefined), {
    path: ["mark"],
    error: "Укажите отметку от 2 до 5 или зачёт (credit), но не оба",
  })
  ;
export type ApiGradeRow = z.infer<typeof ZApiGradeRow>;

/**
 * The envelope is checked whole (at run time with `ZApiGradeEnvelope`); each
 * row is then checked alone with `ZApiGradeRow` and refused alone. The
 * document describes the batch with the row schema itself.
 */
export const ZApiGradeEnvelope = z.object({
  grades: z.array(z.unknown(), { error: "Ожидается массив grades" }).min(1, "Передайте хотя бы одну отметку"),
});
export const ZApiGradeBatch = z.object({
  grades: z.array(ZApiGradeRow).min(1).max(GRADE_BATCH_LIMIT).meta({ description: `1 to ${GRADE_BATCH_LIMIT} rows` }),
});

export const GRADE_ROW_REASONS = ["INVALID_ROW", "LEARNER_NOT_IN_ORGANISATION", "RECORD_LEARNER_MISMATCH", "DUPLICATE_IN_BATCH"] as const;

export const ZApiGradeRowResult = z.object({
  index: z.number().int().meta({ description: "Position of the row in the request" }),
  journalRecordId: z.string().nullable(),
  status: z.enum(["accepted", "duplicate", "refused"]),
  gradeId: z.uuid().optional().meta({ description: "The registry's grade row (accepted, duplicate)" }),
  supersededGradeId: z.uuid().optional().meta({ description: "The earlier mark this one corrects" }),
  reason: z
    .object({
      code: z.enum(GRADE_ROW_REASONS),
      message: z.object({ ru: z.string(), en: z.string() }),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    })
    .optional(),
});
export const ZApiGradeBatchResult = z
  .object({
    accepted: z.number().int(),
    duplicate: z.number().int(),
    refused: z.number().int(),
    results: z.array(ZApiGradeRowResult),
  })
  ;
export type ApiGradeRowResult = z.infer<typeof ZApiGradeRowResult>;
