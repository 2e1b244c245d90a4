// Inputs of the ministry dashboards (ministry.dashboards.*): where the officer
// looks (a drill-down to a municipality or an organisation), a period, a class.
import { z } from "zod";
import { zDay } from "./person";

export const ZDrillInput = z.object({ municipalityId: z.uuid().optional(), organisationId: z.uuid().optional() });
export type DrillInput = z.infer<typeof ZDrillInput>;

// A real day (not 30 February, which JavaScript's Date rolls over to March and PostgreSQL refuses).
export const ZMovementInput = ZDrillInput.extend({ from: zDay("начало периода"), to: zDay("конец периода") });
export type MovementInput = z.infer<typeof ZMovementInput>;

export const ZClassListInput = z.object({
  organisationId: z.uuid(),
  grade: z.number().int().min(0).max(13).nullable(),
  letter: z.string().max(4).nullable(),
});
export type ClassListInput = z.infer<typeof ZClassListInput>;
