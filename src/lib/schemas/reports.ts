// Inputs of the ministry's reports (ministry.reports.*, and the same checks for
// their file exports): an as-of day or a period, and an optional territory.
import { z } from "zod";
import { periodProblem } from "@/lib/report-period";
import { reportsRu } from "@/messages/reports-ru";
import { zDay } from "./person";

/** The territory a report covers; none = the officer's whole scope. */
const territory = {
  municipalityId: z.uuid({ error: reportsRu.reports.territoryErrors.municipality }).optional(),
  organisationId: z.uuid({ error: reportsRu.reports.territoryErrors.organisation }).optional(),
};
export const ZAsOfInput = z.object({ asOf: zDay("дату"), ...territory });
export const ZPeriodInput = z
  .object({ from: zDay("начало периода"), to: zDay("конец периода"), ...territory })
  .superRefine((p, ctx) => {
    // Impossible days are reported by zDay on their own field; here the order and the span.
    const problem = periodProblem(p.from, p.to);
    if (problem?.problem === "order" || problem?.problem === "tooLong")
      ctx.addIssue({ code: "custom", path: [problem.field], message: reportsRu.reports.periodErrors[problem.problem] });
  });
