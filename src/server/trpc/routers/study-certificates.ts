// The справка об обучении (issue 21), mounted as `studyCertificates`: the
// learner card's section (options, issue) and the school's register. One
// named check (canIssueStudyCertificates) for every door; the service adds the
// relationship (holding or former school only).
import { ZLearnerIdInput } from "@/lib/schemas/ids";
import { ZIssueStudyCertificateInput, ZStudyCertificateRegisterInput } from "@/lib/schemas/study-certificates";
import { canIssueStudyCertificates } from "../../authz/permissions";
import { issueStudyCertificate, studyCertificateOptions } from "../../services/study-certificates/issue";
import { studyCertificateRegister } from "../../services/study-certificates/register";
import { ZIssuedStudyCertificate, ZStudyCertificateOptions, ZStudyCertificateRegister } from "../../services/study-certificates/views";
import { permittedProcedure, router } from "../init";

const issuer = permittedProcedure(canIssueStudyCertificates);

export const studyCertificatesRouter = router({
  forLearner: issuer
    .input(ZLearnerIdInput)
    .output(ZStudyCertificateOptions)
    .query(({ ctx, input }) => studyCertificateOptions(ctx.db, ctx.actor, input.learnerId, ctx.ip)),
  issue: issuer
    .input(ZIssueStudyCertificateInput)
    .output(ZIssuedStudyCertificate)
    .mutation(({ ctx, input }) => issueStudyCertificate(ctx.db, ctx.actor, input, ctx.ip)),
  register: issuer
    .input(ZStudyCertificateRegisterInput)
    .output(ZStudyCertificateRegister)
    .query(({ ctx, input }) => studyCertificateRegister(ctx.db, ctx.actor, input, ctx.ip)),
});
