// The signed-in person's own account: the second sign-in step, TOTP
// enrolment and changing the password.
import { z } from "zod";
import { ZChangePasswordInput, ZConfirmTotpInput, ZSecondFactorInput } from "@/lib/schemas/auth";
import { changeOwnPassword } from "../../services/account/change-password";
import { beginTotpEnrolment, confirmTotpEnrolment, describeOwnSecurity, verifySecondFactor } from "../../services/account/second-factor";
import { authedProcedure, gatedProcedure, router } from "../init";

/** Enrolment: mandatory roles before reaching their portal, optional roles from the account page. */
const enrolling = gatedProcedure(["enrol", "open"]);

export const accountRouter = router({
  /** Where the signing-in session stands; the pages use it to pick the next step. */
  gate: gatedProcedure(["open", "second_factor", "enrol"])
    .output(z.object({ gate: z.enum(["open", "second_factor", "enrol"]), login: z.string() }))
    .query(({ ctx }) => ({ gate: ctx.gate, login: ctx.actor.login })),
  verifySecondFactor: gatedProcedure(["second_factor"])
    .input(ZSecondFactorInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => verifySecondFactor(ctx, input.code)),
  beginTotp: enrolling
    .output(z.object({ secret: z.string(), otpauthUri: z.string(), qrDataUrl: z.string() }))
    .mutation(({ ctx }) => beginTotpEnrolment(ctx)),
  confirmTotp: enrolling
    .input(ZConfirmTotpInput)
    .output(z.object({ recoveryCodes: z.array(z.string()) }))
    .mutation(({ ctx, input }) => confirmTotpEnrolment(ctx, input.code)),
  security: authedProcedure
    .output(z.object({ totpEnabled: z.boolean(), recoveryCodesLeft: z.number(), passwordChangedAt: z.date().nullable() }))
    .query(({ ctx }) => describeOwnSecurity(ctx.db, ctx.actor)),
  changePassword: authedProcedure
    .input(ZChangePasswordInput)
    .output(z.object({ otherSessionsEnded: z.number() }))
    .mutation(({ ctx, input }) => changeOwnPassword(ctx, input)),
});
