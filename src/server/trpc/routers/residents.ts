// The register of resident children (issue 22): the list, the form of
// education outside organisations, the "moved away" mark and re-matching.
// The named check canManageChildrenAccount (the same as the import's route
// door); the services narrow to the caller's municipality. The import itself
// is a file upload: src/server/http/resident-files.ts.
import { z } from "zod";
import { ZResidentEducationFormInput, ZResidentLeftInput, ZResidentListInput, ZResidentRematchInput } from "@/lib/schemas/residents";
import { canManageChildrenAccount } from "../../authz/permissions";
import { listResidents, rematchResidents, setResidentEducationForm, setResidentLeft, ZResidentList } from "../../services/residents/register";
import { permittedProcedure, router } from "../init";

const residentsProcedure = permittedProcedure(canManageChildrenAccount);

export const residentsRouter = router({
  list: residentsProcedure.input(ZResidentListInput).output(ZResidentList).query(({ ctx, input }) => listResidents(ctx.db, ctx.actor, input, ctx.ip)),
  setEducationForm: residentsProcedure
    .input(ZResidentEducationFormInput)
    .output(z.object({ id: z.string(), educationForm: z.enum(["FAMILY", "SELF"]).nullable() }))
    .mutation(({ ctx, input }) => setResidentEducationForm(ctx.db, ctx.actor, input, ctx.ip)),
  setLeft: residentsProcedure
    .input(ZResidentLeftInput)
    .output(z.object({ id: z.string(), leftAt: z.string().nullable() }))
    .mutation(({ ctx, input }) => setResidentLeft(ctx.db, ctx.actor, input, ctx.ip)),
  rematch: residentsProcedure
    .input(ZResidentRematchInput)
    .output(z.object({ linked: z.number().int() }))
    .mutation(({ ctx, input }) => rematchResidents(ctx.db, ctx.actor, input, ctx.ip)),
});
