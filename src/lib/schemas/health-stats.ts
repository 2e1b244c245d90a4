// Input of the health statistics (ministry.healthStats.*): which measure, broken
// down by what, where and on which day. Counted in the database, never per learner.
import { z } from "zod";
import { zDay } from "./person";

export const HEALTH_MEASURES = ["healthGroup", "peGroup", "disability", "ovzCategory"] as const;
export type HealthMeasure = (typeof HEALTH_MEASURES)[number];
export const HEALTH_DIMENSIONS = ["municipality", "organisation", "grade", "age"] as const;
export type HealthDimension = (typeof HEALTH_DIMENSIONS)[number];

export const ZHealthStatsInput = z.object({
  measure: z.enum(HEALTH_MEASURES),
  by: z.enum(HEALTH_DIMENSIONS),
  municipalityId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
  asOf: zDay("дату"),
});
export type HealthStatsInput = z.infer<typeof ZHealthStatsInput>;
