// Health aggregates, read-only, for two audiences: the Ministry of Health
// portal (mounted as health.stats) and education officers, who see the HEALTH
// stage as aggregates only (mounted as ministry.healthStats). Counts by group,
// never a row per learner; no mutation here.
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { healthStatsPlaces, ZHealthStatsInput } from "../../services/health/health-stats";
import { healthStatsTable, ZHealthStatsTable } from "../../services/health/health-tables";
import { portalProcedure, router, stageProcedure } from "../init";

const ZPlacesOutput = z.array(
  z.object({ id: z.string(), name: z.string(), organisations: z.array(z.object({ id: z.string(), shortName: z.string() })) }),
);

/** HEALTH at aggregate level, and only the ministry portal: school staff reach HEALTH too, but not statistics. */
const ministryHealthProcedure = stageProcedure("HEALTH", "aggregate").use(({ ctx, next }) => {
  if (ctx.actor.portal !== "ministry") throw new TRPCError({ code: "FORBIDDEN", message: "Недостаточно прав" });
  return next();
});

function statsRouter(procedure: ReturnType<typeof portalProcedure>) {
  return router({
    counts: procedure
      .input(ZHealthStatsInput)
      // Exact for HEALTH readers, small numbers hidden for "aggregate" (docs/domain.md, "Small numbers").
      .output(ZHealthStatsTable)
      .query(({ ctx, input }) => healthStatsTable(ctx.db, ctx.actor, input)),
    places: procedure.output(ZPlacesOutput).query(({ ctx }) => healthStatsPlaces(ctx.db, ctx.actor)),
  });
}

export const healthStatsRouter = statsRouter(portalProcedure("health"));
export const ministryHealthStatsRouter = statsRouter(ministryHealthProcedure);
