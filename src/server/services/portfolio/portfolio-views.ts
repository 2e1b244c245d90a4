// What the portfolio procedures return: the rows of the four lists, with the
// columns a reader of the stage may see (no creator ids or organisation ids).
import { z } from "zod";
import { ACHIEVEMENT_LEVELS, ACHIEVEMENT_RESULTS, CERTIFICATE_LEVELS, CERTIFICATE_STATES, EXAM_KINDS } from "@/lib/schemas/portfolio";

export const ZAchievementView = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  organiser: z.string().nullable(),
  level: z.enum(ACHIEVEMENT_LEVELS),
  result: z.enum(ACHIEVEMENT_RESULTS),
  date: z.date(),
});

export const ZExamView = z.object({
  id: z.string(),
  kind: z.enum(EXAM_KINDS),
  subject: z.string(),
  year: z.number(),
  primaryScore: z.number().nullable(),
  mark: z.number().nullable(),
  testScore: z.number().nullable(),
});

export const ZGradeView = z.object({
  id: z.string(),
  academicYear: z.number(),
  subject: z.string(),
  period: z.string(),
  mark: z.number().nullable(),
  credit: z.boolean().nullable(),
  createdAt: z.date(),
  /** The row this one corrects. */
  supersedesId: z.string().nullable(),
  /** A later row corrects this one: shown as history, not as the grade. */
  superseded: z.boolean(),
});

export const ZCertificateView = z.object({
  id: z.string(),
  level: z.enum(CERTIFICATE_LEVELS),
  number: z.string(),
  series: z.string().nullable(),
  registrationNumber: z.string().nullable(),
  issuedAt: z.date(),
  withHonours: z.boolean(),
  duplicate: z.boolean(),
  state: z.enum(CERTIFICATE_STATES),
  /** The original a duplicate replaces; null on an original. */
  originalSeries: z.string().nullable(),
  originalNumber: z.string().nullable(),
  originalRegistrationNumber: z.string().nullable(),
  originalIssuedAt: z.date().nullable(),
});

export const ZPortfolio = z.object({
  achievements: z.array(ZAchievementView),
  exams: z.array(ZExamView),
  grades: z.array(ZGradeView),
  certificates: z.array(ZCertificateView),
});
export type Portfolio = z.infer<typeof ZPortfolio>;

export const achievementSelect = { id: true, kind: true, title: true, organiser: true, level: true, result: true, date: true } as const;
export const examSelect = { id: true, kind: true, subject: true, year: true, primaryScore: true, mark: true, testScore: true } as const;
export const gradeSelect = {
  id: true,
  academicYear: true,
  subject: true,
  period: true,
  mark: true,
  credit: true,
  createdAt: true,
  supersedesId: true,
  supersededBy: { select: { id: true } },
} as const;
export const certificateSelect = {
  id: true,
  level: true,
  number: true,
  series: true,
  registrationNumber: true,
  issuedAt: true,
  withHonours: true,
  duplicate: true,
  state: true,
  originalSeries: true,
  originalNumber: true,
  originalRegistrationNumber: true,
  originalIssuedAt: true,
} as const;
