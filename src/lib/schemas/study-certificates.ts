// Inputs of the справка об обучении (issue 21): issuing one for a learner (the
// marks' academic year and period) and the register of issued справки for a
// date range. Shared by the card's form, the register page and the server.
import { z } from "zod";
import { periodProblem } from "@/lib/report-period";
import { reportsRu } from "@/messages/reports-ru";
import { zDay } from "./person";
import { MAX_ACADEMIC_YEAR, MIN_ACADEMIC_YEAR } from "./programme";
import { GRADE_PERIODS } from "./portfolio";

const zAcademicYear = z
  .number("Учебный год — число")
  .int("Учебный год — целое число")
  .min(MIN_ACADEMIC_YEAR, `Учебный год от ${MIN_ACADEMIC_YEAR} до ${MAX_ACADEMIC_YEAR}`)
  .max(MAX_ACADEMIC_YEAR, `Учебный год от ${MIN_ACADEMIC_YEAR} до ${MAX_ACADEMIC_YEAR}`);

/** Marks of one period, or (period absent) every period of the academic year as columns. */
export const ZIssueStudyCertificateInput = z.object({
  learnerId: z.uuid(),
  academicYear: zAcademicYear,
  period: z.enum(GRADE_PERIODS, "Выберите период").optional(),
});
export type IssueStudyCertificateInput = z.infer<typeof ZIssueStudyCertificateInput>;

/** The register of issued справки: issue dates from–to, inclusive (at most the reports' span). */
export const ZStudyCertificateRegisterInput = z
  .object({ from: zDay("начало периода"), to: zDay("конец периода") })
  .superRefine((p, ctx) => {
    const problem = periodProblem(p.from, p.to);
    if (problem?.problem === "order" || problem?.problem === "tooLong")
      ctx.addIssue({ code: "custom", path: [problem.field], message: reportsRu.reports.periodErrors[problem.problem] });
  });
export type StudyCertificateRegisterInput = z.infer<typeof ZStudyCertificateRegisterInput>;
