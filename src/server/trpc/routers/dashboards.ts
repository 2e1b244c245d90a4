// The ministry's dashboards (ministry.dashboard.*): aggregates computed in the
// database within the officer's scope, and the audited class list that ends
// the drill-down. The reports' rule (canReadReports).
import { ZClassListInput, ZDrillInput, ZMovementInput } from "@/lib/schemas/dashboards";
import { ZClassListOutput, listClass } from "../../services/dashboards/class-list";
import { countCompleteness, ZCompletenessOutput } from "../../services/dashboards/completeness";
import { countAgePyramid, countContingent, ZAgePyramidOutput, ZContingentOutput } from "../../services/dashboards/contingent";
import { countMovement, ZMovementOutput } from "../../services/dashboards/movement";
import { describePlace, ZPlaceOutput } from "../../services/dashboards/scope";
import { canReadReports } from "../../authz/permissions";
import { permittedProcedure, router } from "../init";

const dashboardProcedure = permittedProcedure(canReadReports);

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
