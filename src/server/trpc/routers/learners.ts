// The learner registry (stage 1). Reading needs at least the identity subset
// of PERSONAL; writing needs PERSONAL write (school admin and registrar), and
// services confine both to the caller's scope.
import { z } from "zod";
import { ZIdInput } from "@/lib/schemas/ids";
import { ZCreateLearnerInput, ZListLearnersInput, ZSearchRegistryInput, ZUpdateLearnerInput } from "@/lib/schemas/learner";
import {
  ZAddRepresentativeInput,
  ZGiveConsentInput,
  ZUnlinkRepresentativeInput,
  ZUpdateRepresentativeInput,
  ZWithdrawConsentInput,
} from "@/lib/schemas/representative";
import { ZLearnerCard, ZLearnerIdentity } from "../../services/learners/learner-views";
import { getLearnerCard } from "../../services/learners/learner-card";
import { listLearners, searchRegistry } from "../../services/learners/read-learners";
import {
  addRepresentative,
  giveConsent,
  unlinkRepresentative,
  updateRepresentative,
  withdrawConsent,
} from "../../services/learners/representatives";
import { createLearner, updateLearner } from "../../services/learners/write-learners";
import { router, stageProcedure } from "../init";
import { learnerPortfolioRouter } from "./learner-portfolio";
import { learnerHealthRouter } from "./learner-health";

const read = stageProcedure("PERSONAL", "identity");
const write = stageProcedure("PERSONAL", "write");

const ZListRow = ZLearnerIdentity.extend({
  enrolmentId: z.string(),
  level: z.string(),
  status: z.string(),
  missingSnils: z.boolean(),
  missingDocument: z.boolean(),
  missingRepresentative: z.boolean(),
});

export const learnersRouter = router({
  portfolio: learnerPortfolioRouter,
  health: learnerHealthRouter,
  // A school's own list; other scopes are refused by the service.
  list: read
    .input(ZListLearnersInput)
    .output(z.object({ total: z.number(), rows: z.array(ZListRow) }))
    .query(({ ctx, input }) => listLearners(ctx.db, ctx.actor, input, ctx.ip)),
  // A query in meaning, a POST in transport: the SNILS or name travels in the
  // body, so no personal data lands in access logs.
  search: read
    .input(ZSearchRegistryInput)
    .output(z.object({ truncated: z.boolean(), rows: z.array(ZLearnerIdentity) }))
    .mutation(({ ctx, input }) => searchRegistry(ctx.db, ctx.actor, input.query, ctx.ip)),
  card: read
    .input(ZIdInput)
    .output(ZLearnerCard)
    .query(({ ctx, input }) => getLearnerCard(ctx.db, ctx.actor, input.id, ctx.ip)),
  create: write
    .input(ZCreateLearnerInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => createLearner(ctx.db, ctx.actor, input, ctx.ip)),
  update: write
    .input(ZUpdateLearnerInput)
    .output(z.object({ id: z.string(), changed: z.array(z.string()) }))
    .mutation(({ ctx, input }) => updateLearner(ctx.db, ctx.actor, input, ctx.ip)),
  addRepresentative: write
    .input(ZAddRepresentativeInput)
    .output(z.object({ representativeId: z.string() }))
    .mutation(({ ctx, input }) => addRepresentative(ctx.db, ctx.actor, input, ctx.ip)),
  updateRepresentative: write
    .input(ZUpdateRepresentativeInput)
    .output(z.object({ changed: z.array(z.string()) }))
    .mutation(({ ctx, input }) => updateRepresentative(ctx.db, ctx.actor, input, ctx.ip)),
  unlinkRepresentative: write
    .input(ZUnlinkRepresentativeInput)
    .output(z.void())
    .mutation(({ ctx, input }) => unlinkRepresentative(ctx.db, ctx.actor, input, ctx.ip)),
  giveConsent: write
    .input(ZGiveConsentInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => giveConsent(ctx.db, ctx.actor, input, ctx.ip)),
  withdrawConsent: write
    .input(ZWithdrawConsentInput)
    .output(z.void())
    .mutation(({ ctx, input }) => withdrawConsent(ctx.db, ctx.actor, input, ctx.ip)),
});
