// The federal segment's change feed: what the federal level needs of a
// learner (identity, organisation, programme, grade) and nothing else — no
// documents, addresses, health or portfolio.
import { z } from "zod";
import { ZApiClassLearner } from "./ejournal";

export const FEED_LIMIT_MAX = 1000;

export const ZApiChangesQuery = z.object({
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, "Курсор — число из предыдущего ответа (nextCursor) или 0")
    .default("0")
    .meta({ description: "`nextCursor` of the previous page; 0 (default) replays from the start" }),
  limit: z.coerce
    .number({ error: "limit — число" })
    .int("limit — целое число")
    .min(1, "limit от 1")
    .max(FEED_LIMIT_MAX, `limit не больше ${FEED_LIMIT_MAX}`)
    .default(200),
});

export const ZApiFederalEnrolment = z.object({
  organisationId: z.uuid(),
  organisationOgrn: z.string(),
  level: z.string().meta({ description: "PRESCHOOL, PRIMARY, BASIC, SECONDARY, … as in the registry" }),
  isBasic: z.boolean(),
  programmeId: z.uuid().nullable(),
  grade: z.number().int().nullable(),
  status: z.enum(["ACTIVE", "PENDING_TRANSFER"]),
});

/** The e-journal's identity subset, plus what the federal level needs. */
export const ZApiFederalLearner = ZApiClassLearner.extend({
  snils: z.string().nullable().meta({ description: "11 digits" }),
  citizenship: z.string(),
  enrolments: z.array(ZApiFederalEnrolment).min(1),
});
export type ApiFederalLearner = z.infer<typeof ZApiFederalLearner>;

export const ZApiChange = z.discriminatedUnion("type", [
  z.object({ changeId: z.string(), type: z.literal("upsert"), learnerId: z.uuid(), learner: ZApiFederalLearner }),
  z.object({ changeId: z.string(), type: z.literal("remove"), learnerId: z.uuid() }),
]);
export type ApiChange = z.infer<typeof ZApiChange>;

export const ZApiChangePage = z
  .object({
    changes: z.array(ZApiChange),
    nextCursor: z.string().meta({ description: "Pass as `cursor` to continue; equals the request's cursor when nothing new" }),
    hasMore: z.boolean(),
  })
  ;
