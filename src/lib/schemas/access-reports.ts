// Inputs of the auditor's access reports, shared by the admin pages and the server.
import { z } from "zod";
import { normalizeSnils } from "@/lib/validators/snils";

const zDay = z.iso.date("Дата в формате ГГГГ-ММ-ДД");
const zPage = z.number().int().min(0).max(100_000).default(0);
const zPageSize = z.number().int().min(1).max(200).default(50);

/**
 * The auditor's narrow learner lookup: an exact SNILS, or an exact last name
 * with the birth date (first name optional). No prefix search: the auditor
 * has no right to browse learners, only to find the one a request is about.
 */
export const ZLookupLearnerInput = z
  .object({
    snils: z.string().trim().max(20).optional(),
    lastName: z.string().trim().max(100).optional(),
    firstName: z.string().trim().max(100).optional(),
    birthDate: zDay.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.snils) {
      if (!normalizeSnils(v.snils)) ctx.addIssue({ code: "custom", path: ["snils"], message: "СНИЛС: 11 цифр" });
      return;
    }
    if (!v.lastName) ctx.addIssue({ code: "custom", path: ["lastName"], message: "Укажите СНИЛС или фамилию с датой рождения" });
    if (!v.birthDate) ctx.addIssue({ code: "custom", path: ["birthDate"], message: "Укажите дату рождения" });
  });
export type LookupLearnerInput = z.infer<typeof ZLookupLearnerInput>;

const period = {
  /** Inclusive calendar days in the region's time zone (KONTINGENT_TIME_ZONE). */
  from: zDay.optional(),
  to: zDay.optional(),
};
const periodOrder = (v: { from?: string; to?: string }) => !v.from || !v.to || v.from <= v.to;
const periodMessage = { message: "Начало периода позже конца", path: ["to"] };

export const ZLearnerAccessInput = z
  .object({ learnerId: z.uuid("Неверный идентификатор обучающегося"), ...period, page: zPage, pageSize: zPageSize })
  .refine(periodOrder, periodMessage);
export type LearnerAccessInput = z.infer<typeof ZLearnerAccessInput>;

export const ZAccountReadsInput = z
  .object({
    login: z.string().trim().min(1, "Укажите логин").max(64),
    ...period,
    /** events: one row per learner per read; learners: one row per learner with counts. */
    view: z.enum(["events", "learners"]).default("events"),
    page: zPage,
    pageSize: zPageSize,
  })
  .refine(periodOrder, periodMessage);
export type AccountReadsInput = z.infer<typeof ZAccountReadsInput>;

export const ACCESS_REPORTS = ["learner-access", "account-reads"] as const;
export type AccessReportKind = (typeof ACCESS_REPORTS)[number];
