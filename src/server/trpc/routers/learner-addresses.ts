// Learners' addresses not found in the ГАР directory (issue 22), mounted as
// `learnerAddresses`: the school's list and its corrections. One named check
// (canFixLearnerAddresses) for both; the service narrows the list to the
// school's held learners and asks the relationship for each correction.
import { ZFixLearnerAddressInput, ZLearnerAddressListInput } from "@/lib/schemas/learner-addresses";
import { canFixLearnerAddresses } from "../../authz/permissions";
import { fixLearnerAddress, listUnmatchedAddresses } from "../../services/learner-addresses/school-addresses";
import { ZFixedAddress, ZUnmatchedAddressList } from "../../services/learner-addresses/views";
import { permittedProcedure, router } from "../init";

const fixer = permittedProcedure(canFixLearnerAddresses);

export const learnerAddressesRouter = router({
  list: fixer
    .input(ZLearnerAddressListInput)
    .output(ZUnmatchedAddressList)
    .query(({ ctx, input }) => listUnmatchedAddresses(ctx.db, ctx.actor, input, ctx.ip)),
  fix: fixer
    .input(ZFixLearnerAddressInput)
    .output(ZFixedAddress)
    .mutation(({ ctx, input }) => fixLearnerAddress(ctx.db, ctx.actor, input, ctx.ip)),
});
