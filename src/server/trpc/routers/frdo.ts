// The ФИС ФРДО export's check (frdo.check): for a school its own certificates,
// for the ministry a municipality or organisation within its scope. The file
// itself is a route handler (../../http/frdo-files.ts) behind the same check.
import { ZFrdoInput } from "@/lib/schemas/frdo";
import { canExportFrdo } from "../../authz/permissions";
import { checkFrdo, ZFrdoCheckOutput } from "../../services/frdo/frdo-export";
import { permittedProcedure, router } from "../init";

export const frdoRouter = router({
  check: permittedProcedure(canExportFrdo)
    .input(ZFrdoInput)
    .output(ZFrdoCheckOutput)
    .query(({ ctx, input }) => checkFrdo(ctx.db, ctx.actor, input, ctx.ip)),
});
