import { z } from "zod";
import { ROLES, PORTALS, SCOPE_KINDS } from "@/lib/roles";
import { describeActor } from "../../services/portals/portal-summary";
import { authedProcedure, router } from "../init";

export const ZMeOutput = z.object({
  login: z.string(),
  fullName: z.string(),
  role: z.enum(ROLES),
  portal: z.enum(PORTALS),
  scope: z.object({
    kind: z.enum(SCOPE_KINDS),
    regionName: z.string(),
    municipalityName: z.string().nullable(),
    organisationName: z.string().nullable(),
  }),
});

export const sessionRouter = router({
  me: authedProcedure.output(ZMeOutput).query(({ ctx }) => describeActor(ctx.db, ctx.actor)),
});
