// Machine clients of the API (admin portal → Машинные клиенты): SYSTEM_ADMIN
// registers, rotates tokens and revokes. A token appears only in the answer
// of `register` and `rotateToken`, never in a list.
import { z } from "zod";
import { ZRegisterClientInput } from "@/lib/schemas/api-clients";
import { ZIdInput } from "@/lib/schemas/ids";
import {
  listMachineClients,
  registerMachineClient,
  revokeMachineClient,
  rotateMachineClientToken,
  ZMachineClientView,
} from "../../../services/machine-clients/manage-clients";
import { listScopeOptions } from "../../../services/users/manage-users";
import { capabilityProcedure, router } from "../../init";

const manage = capabilityProcedure("apiClients.manage");
const ZIssued = z.object({ client: ZMachineClientView, token: z.string() });

export const machineClientsRouter = router({
  list: manage.output(z.array(ZMachineClientView)).query(({ ctx }) => listMachineClients(ctx.db, ctx.actor)),
  /** Open organisations by municipality, for an e-journal's organisation. */
  organisationOptions: manage
    .output(z.array(z.object({ id: z.string(), name: z.string(), organisations: z.array(z.object({ id: z.string(), shortName: z.string() })) })))
    .query(async ({ ctx }) => (await listScopeOptions(ctx.db, ctx.actor)).municipalities),
  register: manage
    .input(ZRegisterClientInput)
    .output(ZIssued)
    .mutation(({ ctx, input }) => registerMachineClient(ctx.db, ctx.actor, input, ctx.ip)),
  rotateToken: manage
    .input(ZIdInput)
    .output(ZIssued)
    .mutation(({ ctx, input }) => rotateMachineClientToken(ctx.db, ctx.actor, input.id, ctx.ip)),
  revoke: manage
    .input(ZIdInput)
    .output(ZMachineClientView)
    .mutation(({ ctx, input }) => revokeMachineClient(ctx.db, ctx.actor, input.id, ctx.ip)),
});
