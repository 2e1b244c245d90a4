// ministry.organisations.*: the organisations registry (EDU_OFFICER, within
// its scope). Thin procedures: validate, authorise, call one service function.
import { z } from "zod";
import {
  ZCloseOrganisationInput,
  ZCreateOrganisationInput,
  ZListOrganisationsInput,
  ZUpdateOrganisationInput,
} from "@/lib/schemas/organisation";
import { ZIdInput } from "@/lib/schemas/ids";
import {
  closeOrganisation,
  createOrganisation,
  getOrganisation,
  listMunicipalityOptions,
  listOrganisations,
  updateOrganisation,
} from "../../services/organisations/manage-organisations";
import { ZOrganisationView } from "../../services/organisations/organisation-view";
import { capabilityProcedure, router } from "../init";

const manage = capabilityProcedure("organisations.manage");

export const organisationsRouter = router({
  list: manage
    .input(ZListOrganisationsInput)
    .output(z.object({ total: z.number(), rows: z.array(ZOrganisationView) }))
    .query(({ ctx, input }) => listOrganisations(ctx.db, ctx.actor, input)),
  options: manage
    .output(z.object({ municipalities: z.array(z.object({ id: z.string(), name: z.string() })) }))
    .query(({ ctx }) => listMunicipalityOptions(ctx.db, ctx.actor)),
  get: manage
    .input(ZIdInput)
    .output(ZOrganisationView)
    .query(({ ctx, input }) => getOrganisation(ctx.db, ctx.actor, input.id)),
  create: manage
    .input(ZCreateOrganisationInput)
    .output(ZOrganisationView)
    .mutation(({ ctx, input }) => createOrganisation(ctx.db, ctx.actor, input, ctx)),
  update: manage
    .input(ZUpdateOrganisationInput)
    .output(ZOrganisationView)
    .mutation(({ ctx, input }) => updateOrganisation(ctx.db, ctx.actor, input, ctx)),
  close: manage
    .input(ZCloseOrganisationInput)
    .output(ZOrganisationView)
    .mutation(({ ctx, input }) => closeOrganisation(ctx.db, ctx.actor, input, ctx)),
});
