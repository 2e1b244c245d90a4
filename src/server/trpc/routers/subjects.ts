// The subjects vocabulary (issue 21), mounted as `ministry.subjects`: the
// capability `referenceData.manage` (education officers); the service also
// requires a region-level scope, since the vocabulary is the whole region's.
import { z } from "zod";
import { ZAddSubjectInput, ZMapSubjectTextInput, ZUpdateSubjectInput } from "@/lib/schemas/subjects";
import { addSubject, listSubjects, updateSubject } from "../../services/subjects/subjects";
import { listUnmappedSubjects, mapSubjectText } from "../../services/subjects/unmapped";
import { capabilityProcedure, router } from "../init";

const manage = capabilityProcedure("referenceData.manage");

export const ZSubjectListOutput = z.array(
  z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    levels: z.array(z.string()),
    parentId: z.string().nullable(),
    active: z.boolean(),
    sortOrder: z.number(),
    giaCodes: z.array(z.number()),
    uses: z.number(),
  }),
);
export const ZUnmappedSubjectsOutput = z.array(
  z.object({
    key: z.string(),
    texts: z.array(z.string()),
    total: z.number(),
    organisations: z.array(z.object({ organisationId: z.string(), shortName: z.string(), grades: z.number(), exams: z.number() })),
  }),
);

export const subjectsRouter = router({
  list: manage.output(ZSubjectListOutput).query(({ ctx }) => listSubjects(ctx.db, ctx.actor)),
  add: manage
    .input(ZAddSubjectInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => addSubject(ctx.db, ctx.actor, input, ctx.ip)),
  update: manage
    .input(ZUpdateSubjectInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => updateSubject(ctx.db, ctx.actor, input, ctx.ip)),
  unmapped: manage.output(ZUnmappedSubjectsOutput).query(({ ctx }) => listUnmappedSubjects(ctx.db, ctx.actor)),
  mapText: manage
    .input(ZMapSubjectTextInput)
    .output(z.object({ grades: z.number(), exams: z.number() }))
    .mutation(({ ctx, input }) => mapSubjectText(ctx.db, ctx.actor, input, ctx.ip)),
});
