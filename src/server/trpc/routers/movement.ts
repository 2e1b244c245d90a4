// Movement orders of a school: enrolment of a person already in the registry
// and transfers between schools. Only roles with "movement.write" (school
// head and registrar); the organisation always comes from the caller's scope.
import { z } from "zod";
import {
  ZAcceptTransferInput,
  ZCancelEventInput,
  ZEnrolExistingInput,
  ZRejectTransferInput,
  ZReinstateInput,
  ZRolloverInput,
  ZListTransfersInput,
  ZSchoolEventInput,
  ZStaleTransfersInput,
  ZStartTransferInput,
  ZTransferFlowsInput,
} from "@/lib/schemas/movement";
import { ZLearnerIdInput } from "@/lib/schemas/ids";
import { cancelEvent } from "../../services/movement/cancel-event";
import { enrolExisting } from "../../services/movement/enrol-existing";
import { getTrajectory, listStaleTransfers, transferFlows } from "../../services/movement/oversight";
import { commitRollover, previewRollover } from "../../services/movement/rollover";
import { recordSchoolEvent, reinstateLearner } from "../../services/movement/school-events";
import { acceptTransfer, listTransfers, rejectTransfer, startTransfer } from "../../services/movement/transfers";
import { capabilityProcedure, router, stageProcedure } from "../init";

const movement = capabilityProcedure("movement.write");
const oversee = capabilityProcedure("transfers.oversee");
const zPlacementView = z.object({ level: z.string(), grade: z.number().nullable(), classLetter: z.string().nullable() });
const zCounts = z.object({ PROMOTION: z.number(), REPEAT_YEAR: z.number(), GRADUATION: z.number() });

const ZTransferRow = z.object({
  id: z.string(),
  status: z.string(),
  requestedAt: z.date(),
  decidedAt: z.date().nullable(),
  rejectReason: z.string().nullable(),
  learner: z.object({ id: z.string(), lastName: z.string(), firstName: z.string(), middleName: z.string().nullable(), birthDate: z.date() }),
  fromOrganisation: z.object({ id: z.string(), shortName: z.string() }),
  toOrganisation: z.object({ id: z.string(), shortName: z.string() }),
  outOrder: z.object({ orderNumber: z.string(), orderDate: z.date(), fromGrade: z.number().nullable() }).nullable(),
});

export const movementRouter = router({
  // SNILS travels in the body (a mutation), never in a URL.
  enrolExisting: movement
    .input(ZEnrolExistingInput)
    .output(z.object({ learnerId: z.string(), enrolmentId: z.string(), eventId: z.string() }))
    .mutation(({ ctx, input }) => enrolExisting(ctx.db, ctx.actor, input, ctx.ip)),
  event: movement
    .input(ZSchoolEventInput)
    .output(z.object({ eventId: z.string() }))
    .mutation(({ ctx, input }) => recordSchoolEvent(ctx.db, ctx.actor, input, ctx.ip)),
  reinstate: movement
    .input(ZReinstateInput)
    .output(z.object({ eventId: z.string(), enrolmentId: z.string() }))
    .mutation(({ ctx, input }) => reinstateLearner(ctx.db, ctx.actor, input, ctx.ip)),
  cancel: movement
    .input(ZCancelEventInput)
    .output(z.object({ eventId: z.string() }))
    .mutation(({ ctx, input }) => cancelEvent(ctx.db, ctx.actor, input, ctx.ip)),
  rollover: router({
    preview: movement
      .output(
        z.object({
          totals: zCounts,
          rows: z.array(
            z.object({
              enrolmentId: z.string(),
              learner: z.object({ id: z.string(), lastName: z.string(), firstName: z.string(), middleName: z.string().nullable() }),
              from: zPlacementView,
              to: zPlacementView.nullable(),
              action: z.enum(["PROMOTION", "REPEAT_YEAR", "GRADUATION"]),
              defaultAction: z.enum(["PROMOTION", "REPEAT_YEAR", "GRADUATION"]),
            }),
          ),
          /** The academic year the rollover places learners in, and the school's classes of it. */
          academicYear: z.number(),
          classes: z.array(z.object({ grade: z.number(), letter: z.string() })),
        }),
      )
      .query(({ ctx }) => previewRollover(ctx.db, ctx.actor, ctx.ip)),
    commit: movement
      .input(ZRolloverInput)
      .output(zCounts)
      .mutation(({ ctx, input }) => commitRollover(ctx.db, ctx.actor, input, ctx.ip)),
  }),
  // Orders in full need PERSONAL read; identity-level roles see the current
  // organisation, class and status on the card instead.
  trajectory: stageProcedure("PERSONAL", "read")
    .input(ZLearnerIdInput)
    .output(
      z.array(
        z.object({
          id: z.string(),
          type: z.string(),
          orderNumber: z.string(),
          orderDate: z.date(),
          effectiveDate: z.date(),
          fromLevel: z.string().nullable(),
          fromGrade: z.number().nullable(),
          fromLetter: z.string().nullable(),
          toLevel: z.string().nullable(),
          toGrade: z.number().nullable(),
          toLetter: z.string().nullable(),
          reason: z.string().nullable(),
          leavingReason: z.string().nullable(),
          cancelsEventId: z.string().nullable(),
          cancelled: z.boolean(),
          organisation: z.object({ id: z.string(), shortName: z.string() }),
        }),
      ),
    )
    .query(({ ctx, input }) => getTrajectory(ctx.db, ctx.actor, input.learnerId, ctx.ip)),
  oversight: router({
    staleTransfers: oversee
      .input(ZStaleTransfersInput)
      .output(
        z.array(
          z.object({
            id: z.string(),
            requestedAt: z.date(),
            fromOrganisation: z.object({ shortName: z.string(), municipality: z.object({ name: z.string() }) }),
            toOrganisation: z.object({ shortName: z.string(), municipality: z.object({ name: z.string() }) }),
          }),
        ),
      )
      .query(({ ctx, input }) => listStaleTransfers(ctx.db, ctx.actor, input.olderThanDays)),
    flows: oversee
      .input(ZTransferFlowsInput)
      .output(z.array(z.object({ fromMunicipality: z.string(), toMunicipality: z.string(), transfers: z.number() })))
      .query(({ ctx, input }) => transferFlows(ctx.db, ctx.actor, input.from, input.to)),
  }),
  transfers: router({
    list: movement
      .input(ZListTransfersInput)
      .output(z.array(ZTransferRow))
      .query(({ ctx, input }) => listTransfers(ctx.db, ctx.actor, input.direction, ctx.ip)),
    start: movement
      .input(ZStartTransferInput)
      .output(z.object({ transferId: z.string(), eventId: z.string() }))
      .mutation(({ ctx, input }) => startTransfer(ctx.db, ctx.actor, input, ctx.ip)),
    accept: movement
      .input(ZAcceptTransferInput)
      .output(z.object({ enrolmentId: z.string(), eventId: z.string() }))
      .mutation(({ ctx, input }) => acceptTransfer(ctx.db, ctx.actor, input, ctx.ip)),
    reject: movement
      .input(ZRejectTransferInput)
      .output(z.void())
      .mutation(({ ctx, input }) => rejectTransfer(ctx.db, ctx.actor, input, ctx.ip)),
  }),
});
