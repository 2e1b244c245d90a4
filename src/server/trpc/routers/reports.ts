// Statistical reports for the ministry portal (ministry.reports.*): the same
// model the XLSX/PDF export renders, aggregated in the database, scoped to the
// officer's region or municipality. Screen reads are aggregates, not audited;
// file exports are (report.export).
import { TRPCError } from "@trpc/server";
import { buildReport } from "../../services/reports/build-report";
import { ZAsOfInput, ZPeriodInput, ZReportModel } from "../../services/reports/report-model";
import { capabilityProcedure, router } from "../init";

const reportsProcedure = capabilityProcedure("reports.read").use(({ ctx, next }) => {
  if (ctx.actor.portal !== "ministry" || ctx.actor.scope.kind === "ORGANISATION")
    throw new TRPCError({ code: "FORBIDDEN", message: "Недостаточно прав" });
  return next();
});

export const reportsRouter = router({
  oo1: reportsProcedure.input(ZAsOfInput).output(ZReportModel).query(({ ctx, input }) => buildReport(ctx.db, ctx.actor, "oo1", input)),
  do1: reportsProcedure.input(ZAsOfInput).output(ZReportModel).query(({ ctx, input }) => buildReport(ctx.db, ctx.actor, "do1", input)),
  movement: reportsProcedure
    .input(ZPeriodInput)
    .output(ZReportModel)
    .query(({ ctx, input }) => buildReport(ctx.db, ctx.actor, "movement", input)),
  health: reportsProcedure.input(ZAsOfInput).output(ZReportModel).query(({ ctx, input }) => buildReport(ctx.db, ctx.actor, "health", input)),
});
