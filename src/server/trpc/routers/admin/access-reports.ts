// The auditor's access reports: who accessed a learner, what an account read.
// AUDITOR only (canReadAccessReports); every call is itself audited.
import { z } from "zod";
import { ZAccountReadsInput, ZLearnerAccessInput, ZLookupLearnerInput } from "@/lib/schemas/access-reports";
import { ZAccountLearnerRow, ZAccountReadRow, reportAccountReads } from "../../../services/audit/account-reads-report";
import { ZLearnerAccessRow, reportLearnerAccess } from "../../../services/audit/learner-access-report";
import { lookupLearnerForAudit, ZLookupLearnerRow } from "../../../services/audit/learner-lookup";
import { canReadAccessReports } from "../../../authz/permissions";
import { permittedProcedure, router } from "../../init";

/** The same check as the file downloads (../../../http/access-report-files.ts). */
const audit = permittedProcedure(canReadAccessReports);

export const accessReportsRouter = router({
  // Queries that write their own audit row, like the log browser.
  lookupLearner: audit
    .input(ZLookupLearnerInput)
    .output(z.array(ZLookupLearnerRow))
    .query(({ ctx, input }) => lookupLearnerForAudit(ctx.db, ctx.actor, input, ctx.ip)),
  learnerAccess: audit
    .input(ZLearnerAccessInput)
    .output(
      z.object({
        learner: z.object({ id: z.string(), fullName: z.string(), birthDate: z.date() }),
        total: z.number(),
        rows: z.array(ZLearnerAccessRow),
      }),
    )
    .query(({ ctx, input }) => reportLearnerAccess(ctx.db, ctx.actor, input, ctx.ip)),
  accountReads: audit
    .input(ZAccountReadsInput)
    .output(
      z.object({
        account: z.object({ login: z.string(), fullName: z.string(), role: z.string() }),
        total: z.number(),
        learners: z.number(),
        events: z.array(ZAccountReadRow),
        byLearner: z.array(ZAccountLearnerRow),
      }),
    )
    .query(({ ctx, input }) => reportAccountReads(ctx.db, ctx.actor, input, ctx.ip)),
});
