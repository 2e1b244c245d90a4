// school.programmes.*: the programmes a school offers and its classes.
// Any school portal role reads; roles with movement.write (head and
// registrar) change them. The service confines both to the caller's school.
import { z } from "zod";
import { ZIdInput } from "@/lib/schemas/ids";
import { EDUCATION_LEVELS } from "@/lib/schemas/learner";
import {
  EDUCATION_FORMS,
  OVZ_CATEGORIES,
  PROGRAMME_DIRECTIONS,
  ZCreateClassInput,
  ZCreateProgrammeInput,
  ZListClassesInput,
  ZUpdateProgrammeInput,
} from "@/lib/schemas/programme";
import {
  createClass,
  createProgramme,
  deleteClass,
  listClasses,
  listProgrammes,
  setProgrammeActive,
  updateProgramme,
} from "../../services/programmes/manage-programmes";
import { capabilityProcedure, portalProcedure, router } from "../init";

const read = portalProcedure("school");
const write = capabilityProcedure("movement.write");

const ZProgrammeOutput = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(EDUCATION_LEVELS),
  isBasic: z.boolean(),
  adapted: z.boolean(),
  ovzCategory: z.enum(OVZ_CATEGORIES).nullable(),
  direction: z.enum(PROGRAMME_DIRECTIONS).nullable(),
  form: z.enum(EDUCATION_FORMS),
  active: z.boolean(),
  /** Classes in every academic year. */
  classes: z.number(),
});

const ZClassOutput = z.object({
  id: z.string(),
  academicYear: z.number(),
  grade: z.number(),
  letter: z.string(),
  programme: z.object({ id: z.string(), name: z.string(), level: z.enum(EDUCATION_LEVELS), adapted: z.boolean() }),
  /** Learners enrolled now (active or pending transfer). */
  learners: z.number(),
});

const ZChanged = z.object({ id: z.string(), changed: z.array(z.string()) });

export const programmesRouter = router({
  list: read.output(z.array(ZProgrammeOutput)).query(({ ctx }) => listProgrammes(ctx.db, ctx.actor)),
  create: write
    .input(ZCreateProgrammeInput)
    .output(ZProgrammeOutput)
    .mutation(({ ctx, input }) => createProgramme(ctx.db, ctx.actor, input, ctx.ip)),
  update: write
    .input(ZUpdateProgrammeInput)
    .output(ZChanged)
    .mutation(({ ctx, input }) => updateProgramme(ctx.db, ctx.actor, input, ctx.ip)),
  deactivate: write
    .input(ZIdInput)
    .output(ZChanged)
    .mutation(({ ctx, input }) => setProgrammeActive(ctx.db, ctx.actor, input.id, false, ctx.ip)),
  activate: write
    .input(ZIdInput)
    .output(ZChanged)
    .mutation(({ ctx, input }) => setProgrammeActive(ctx.db, ctx.actor, input.id, true, ctx.ip)),
  classes: read
    .input(ZListClassesInput)
    .output(z.array(ZClassOutput))
    .query(({ ctx, input }) => listClasses(ctx.db, ctx.actor, input.academicYear)),
  createClass: write
    .input(ZCreateClassInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => createClass(ctx.db, ctx.actor, input, ctx.ip)),
  deleteClass: write
    .input(ZIdInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteClass(ctx.db, ctx.actor, input.id, ctx.ip)),
});
