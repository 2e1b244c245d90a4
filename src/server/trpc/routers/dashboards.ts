// The ministry's dashboards (ministry.dashboard.*): aggregates computed in the
// database within the officer's scope, and the audited class list that ends
// the drill-down. Reports capability, ministry portal only.
import { TRPCError } from "@trpc/server";
import { ZClassListInput, ZClassListOutput, listClass } from "../../services/dashboards/class-list";
import { countCompleteness, ZCompletenessOutput } from "../../services/dashboards/completeness";
import { countAgePyramid, countContingent, ZAgePyramidOutput, ZContingentOutput } from "../../services/dashboards/contingent";
import { countMovement, ZMovementInput, ZMovementOutput } from "../../services/dashboards/movement";
import { describePlace, ZDrillInput, ZPlaceOutput } from "../../services/dashboards/scope";
import { capabilityProcedure, router } from "../init";

const dashboardProcedure = capabilityProcedure("reports.read").use(({ ctx, next }) => {
  if (ctx.actor.portal !== "ministry") throw new TRPCError({ code: "FORBIDDEN", message: "Недостаточно прав" });
  return next();
});

export const dashboardsRouter = router({
  /** Names of the drill-down place in the URL (ids), checked against the scope. */
  place: dashboardProcedure
    .input(ZDrillInput)
    .output(ZPlaceOutput)
    .query(({ ctx, input }) => describePlace(ctx.db, ctx.actor, input)),
  contingent: dashboardProcedure
    .input(ZDrillInput)
    .output(ZContingentOutput)
    .query(({ ctx, input }) => countContingent(ctx.db, ctx.actor, input)),
  agePyramid: dashboardProcedure
    .input(ZDrillInput)
    .output(ZAgePyramidOutput)
    .query(({ ctx, input }) => countAgePyramid(ctx.db, ctx.actor, input)),
  movement: dashboardProcedure
    .input(ZMovementInput)
    .output(ZMovementOutput)
    .query(({ ctx, input }) => countMovement(ctx.db, ctx.actor, input)),
  completeness: dashboardProcedure
    .input(ZDrillInput)
    .output(ZCompletenessOutput)
    .query(({ ctx, input }) => countCompleteness(ctx.db, ctx.actor, input)),
  classList: dashboardProcedure
    .input(ZClassListInput)
    .output(ZClassListOutput)
    .query(({ ctx, input }) => listClass(ctx.db, ctx.actor, input, ctx.ip)),
});
