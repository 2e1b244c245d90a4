// Landing data of the school, ministry and health portals. Each router is
// reachable only by the roles of its portal.
import { z } from "zod";
import {
  countOrganisationsByMunicipality,
  getOwnOrganisation,
} from "../../services/portals/portal-summary";
import { listOrganisationsDirectory } from "../../services/portals/organisations-directory";
import { portalProcedure, router } from "../init";
import { healthStatsRouter } from "./health-stats";
import { programmesRouter } from "./programmes";
import { schoolQualityRouter } from "./quality";

const ZOrganisationsByMunicipality = z.array(
  z.object({
    municipalityId: z.string(),
    municipalityName: z.string(),
    total: z.number(),
    byType: z.record(z.string(), z.number()),
  }),
);

export const schoolRouter = router({
  organisation: portalProcedure("school")
    .output(
      z.object({
        id: z.string(),
        fullName: z.string(),
        shortName: z.string(),
        type: z.string(),
        inn: z.string(),
        ogrn: z.string(),
        kpp: z.string(),
        address: z.string().nullable(),
        headName: z.string().nullable(),
        municipalityName: z.string(),
        activeStaffAccounts: z.number(),
      }),
    )
    .query(({ ctx }) => getOwnOrganisation(ctx.db, ctx.actor)),
  // Where a learner can be transferred: open organisations of the region.
  organisationsDirectory: portalProcedure("school")
    .output(z.array(z.object({ id: z.string(), shortName: z.string(), municipalityName: z.string() })))
    .query(({ ctx }) => listOrganisationsDirectory(ctx.db, ctx.actor)),
  programmes: programmesRouter,
  quality: schoolQualityRouter,
});

export const ministryRouter = router({
  organisationsByMunicipality: portalProcedure("ministry")
    .output(ZOrganisationsByMunicipality)
    .query(({ ctx }) => countOrganisationsByMunicipality(ctx.db, ctx.actor)),
});

export const healthRouter = router({
  organisationsByMunicipality: portalProcedure("health")
    .output(ZOrganisationsByMunicipality)
    .query(({ ctx }) => countOrganisationsByMunicipality(ctx.db, ctx.actor)),
  // Read-only by design: health.* has no mutation (asserted by a test).
  stats: healthStatsRouter,
});
