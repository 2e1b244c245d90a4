// Statistical reports for the ministry portal (ministry.reports.*): the same
// model the XLSX/PDF export renders, aggregated in the database, scoped to the
// officer's region or municipality and narrowed to a territory within it.
// Screen reads are aggregates, not audited; file exports are (report.export).
// Tables come in the page's language; the files stay Russian.
import { z } from "zod";
import { healthStatsPlaces } from "../../services/health/health-stats";
import { buildReport } from "../../services/reports/build-report";
import { ZAsOfInput, ZPeriodInput } from "@/lib/schemas/reports";
import { ZReportModel } from "../../services/reports/report-model";
import { canReadReports } from "../../authz/permissions";
import { permittedProcedure, router } from "../init";

/** The same check as the XLSX/PDF export (../../http/report-files.ts). */
const reportsProcedure = permittedProcedure(canReadReports);

/** The territories an officer may choose: its scope's municipalities with their organisations. */
const ZTerritoriesOutput = z.array(
  z.object({ id: z.string(), name: z.string(), organisations: z.array(z.object({ id: z.string(), shortName: z.string() })) }),
);

export const reportsRouter = router({
  territories: reportsProcedure.output(ZTerritoriesOutput).query(({ ctx }) => healthStatsPlaces(ctx.db, ctx.actor)),
  oo1: reportsProcedure.input(ZAsOfInput).output(ZReportModel).query(({ ctx, input }) => buildReport(ctx.db, ctx.actor, "oo1", input, ctx.locale)),
  do1: reportsProcedure.input(ZAsOfInput).output(ZReportModel).query(({ ctx, input }) => buildReport(ctx.db, ctx.actor, "do1", input, ctx.locale)),
  movement: reportsProcedure
    .input(ZPeriodInput)
    .output(ZReportModel)
    .query(({ ctx, input }) => buildReport(ctx.db, ctx.actor, "movement", input, ctx.locale)),
  health: reportsProcedure.input(ZAsOfInput).output(ZReportModel).query(({ ctx, input }) => buildReport(ctx.db, ctx.actor, "health", input, ctx.locale)),
});
