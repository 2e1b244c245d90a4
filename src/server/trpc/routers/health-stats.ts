// Health aggregates, read-only, for two audiences: the Ministry of Health
// portal (mounted as health.stats) and education officers, who see the HEALTH
// stage as aggregates only (mounted as ministry.healthStats). Counts by group,
// never a row per learner; no mutation here.
import { z } from "zod";
import { ZHealthStatsInput } from "@/lib/schemas/health-stats";
import { healthStatsPlaces } from "../../services/health/health-stats";
import { healthStatsTable, ZHealthStatsTable } from "../../services/health/health-tables";
import { canReadHealthAggregates, canReadHealthStats } from "../../authz/permissions";
import { permittedProcedure, router } from "../init";

const ZPlacesOutput = z.array(
  z.object({ id: z.string(), name: z.string(), organisations: z.array(z.object({ id: z.string(), shortName: z.string() })) }),
);

function statsRouter(procedure: ReturnType<typeof permittedProcedure>) {
  return router({
    counts: procedure
      .input(ZHealthStatsInput)
      // Exact for HEALTH readers, small numbers hidden for "aggregate" (docs/domain.md, "Small numbers").
      .output(ZHealthStatsTable)
      .query(({ ctx, input }) => healthStatsTable(ctx.db, ctx.actor, input)),
    places: procedure.output(ZPlacesOutput).query(({ ctx }) => healthStatsPlaces(ctx.db, ctx.actor)),
  });
}

// The XLSX export (../../http/health-files.ts) admits the union of the two.
export const healthStatsRouter = statsRouter(permittedProcedure(canReadHealthStats));
export const ministryHealthStatsRouter = statsRouter(permittedProcedure(canReadHealthAggregates));
