// Address suggestions from the ГАР directory (issue 22), mounted as
// `addresses`: for the forms' address input. One named check
// (canSuggestAddresses: schools that write personal data, territory and
// children's-account officers); the directory is not personal data, so the
// service neither narrows by scope nor writes an audit row.
import { ZAddressSuggestions, ZSuggestAddressesInput } from "@/lib/schemas/addresses";
import { canSuggestAddresses } from "../../authz/permissions";
import { suggestAddresses } from "../../services/addresses/suggest";
import { permittedProcedure, router } from "../init";

export const addressesRouter = router({
  suggest: permittedProcedure(canSuggestAddresses)
    .input(ZSuggestAddressesInput)
    .output(ZAddressSuggestions)
    .query(({ ctx, input }) => suggestAddresses(ctx.db, ctx.actor, input)),
});
