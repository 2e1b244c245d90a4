// A learner's health (stage 2), mounted as `learners.health`. Reading needs
// HEALTH read (school head and medic, health officer); writing HEALTH write
// (the school medic). The service confines both to the caller's scope.
import { z } from "zod";
import { ZCorrectHealthInput, ZRecordHealthInput } from "@/lib/schemas/health";
import { ZLearnerIdInput } from "@/lib/schemas/ids";
import { correctHealth, getHealth, recordHealth, ZLearnerHealth } from "../../services/health/health-records";
import { router, stageProcedure } from "../init";

const read = stageProcedure("HEALTH", "read");
const write = stageProcedure("HEALTH", "write");

export const learnerHealthRouter = router({
  get: read
    .input(ZLearnerIdInput)
    .output(ZLearnerHealth)
    .query(({ ctx, input }) => getHealth(ctx.db, ctx.actor, input.learnerId, ctx.ip)),
  record: write
    .input(ZRecordHealthInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => recordHealth(ctx.db, ctx.actor, input.learnerId, input.data, ctx.ip)),
  correct: write
    .input(ZCorrectHealthInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => correctHealth(ctx.db, ctx.actor, input.learnerId, input.recordId, input.data, ctx.ip)),
});
