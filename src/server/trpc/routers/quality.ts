// Data quality: the school's own list of learners to fix (school.quality) and
// the ministry's counts per organisation and trend (ministry.quality).
import { z } from "zod";
import { ZQualityTrendInput } from "@/lib/schemas/quality";
import { serverEnv } from "../../env";
import { listIssuesForSchool, QUALITY_CHECKS, trend } from "../../services/quality/data-quality";
import { countsPerOrganisation } from "../../services/quality/quality-snapshots";
import { canReadQualityOverview } from "../../authz/permissions";
import { permittedProcedure, portalProcedure, router } from "../init";

const ZCheck = z.enum(QUALITY_CHECKS);
const ZCounts = z.object(Object.fromEntries(QUALITY_CHECKS.map((c) => [c, z.number()])) as Record<(typeof QUALITY_CHECKS)[number], z.ZodNumber>);

export const ZQualityListOutput = z.array(
  z.object({ learnerId: z.string(), name: z.string(), class: z.string().nullable(), checks: z.array(ZCheck) }),
);
export const ZQualityCountsOutput = z.object({
  refreshedAt: z.date(),
  organisations: z.array(
    z.object({ organisationId: z.string(), shortName: z.string(), municipalityName: z.string(), learners: z.number(), counts: ZCounts }),
  ),
});
export const ZQualityTrendOutput = z.array(z.object({ day: z.string(), counts: ZCounts }));

export const schoolQualityRouter = router({
  list: portalProcedure("school")
    .output(ZQualityListOutput)
    .query(({ ctx }) => listIssuesForSchool(ctx.db, ctx.actor, ctx.ip)),
});

const ministryQualityProcedure = permittedProcedure(canReadQualityOverview);

export const ministryQualityRouter = router({
  // From today's snapshot (recounted when stale), so the trend always has today.
  counts: ministryQualityProcedure
    .output(ZQualityCountsOutput)
    .query(({ ctx }) => countsPerOrganisation(ctx.db, ctx.actor, serverEnv().KONTINGENT_QUALITY_MAX_AGE_MINUTES)),
  trend: ministryQualityProcedure
    .input(ZQualityTrendInput)
    .output(ZQualityTrendOutput)
    .query(({ ctx, input }) => trend(ctx.db, ctx.actor, input.days)),
});
