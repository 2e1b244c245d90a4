// Performance of learners (issue 21): the school's view of a class
// (school.performance.*) and the ministry's view by territory
// (ministry.performance.*). The named checks of ../../authz/permissions.ts are
// the same the pages and the report files use; scope and relationship are the
// services' part.
import { z } from "zod";
import { ZClassPerformanceInput, ZTerritoryPerformanceInput } from "@/lib/schemas/performance";
import { canReadClassPerformance, canReadTerritoryPerformance } from "../../authz/permissions";
import { classPerformance, listPerformanceClasses, ZClassPerformanceOutput, ZSchoolClassesOutput } from "../../services/performance/class-performance";
import { performanceSubjects, territoryPerformance, ZTerritoryPerformanceOutput } from "../../services/performance/territory-performance";
import { permittedProcedure, router } from "../init";

const school = permittedProcedure(canReadClassPerformance);
const ministry = permittedProcedure(canReadTerritoryPerformance);

export const schoolPerformanceRouter = router({
  classes: school.output(ZSchoolClassesOutput).query(({ ctx }) => listPerformanceClasses(ctx.db, ctx.actor)),
  class: school
    .input(ZClassPerformanceInput)
    .output(ZClassPerformanceOutput)
    .query(({ ctx, input }) => classPerformance(ctx.db, ctx.actor, input, ctx.ip)),
});

export const ministryPerformanceRouter = router({
  subjects: ministry
    .output(z.array(z.object({ id: z.string(), name: z.string(), parentId: z.string().nullable() })))
    .query(({ ctx }) => performanceSubjects(ctx.db, ctx.actor)),
  table: ministry
    .input(ZTerritoryPerformanceInput)
    .output(ZTerritoryPerformanceOutput)
    .query(({ ctx, input }) => territoryPerformance(ctx.db, ctx.actor, input)),
});
