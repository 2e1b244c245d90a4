// The municipal account of children and the admission forecast (issue 22),
// mounted as `childrenAccount`: the named check canManageChildrenAccount (the
// same one the XLSX export's door asks); the service narrows to the officer's
// municipality and audits every list read and the forecast.
import { z } from "zod";
import { ACCOUNT_LISTS, ZAccountListInput, ZAccountParams, ZForecastInput } from "@/lib/schemas/children-account";
import { canManageChildrenAccount } from "../../authz/permissions";
import { accountCounts, readAccountList } from "../../services/children-account/account";
import { readForecast, ZForecastResult } from "../../services/children-account/forecast";
import { ZAccountRow } from "../../services/children-account/rows";
import { permittedProcedure, router } from "../init";

const accountProcedure = permittedProcedure(canManageChildrenAccount);

const ZParamsOutput = z.object({
  municipalityId: z.string(),
  municipality: z.string(),
  date: z.string(),
  academicYear: z.number(),
  since: z.string(),
  days: z.number(),
  grace: z.number(),
  didNotStartFrom: z.string(),
});

export const childrenAccountRouter = router({
  counts: accountProcedure
    .input(ZAccountParams)
    .output(z.object({ params: ZParamsOutput, counts: z.object(Object.fromEntries(ACCOUNT_LISTS.map((l) => [l, z.number()])) as Record<(typeof ACCOUNT_LISTS)[number], z.ZodNumber>) }))
    .query(({ ctx, input }) => accountCounts(ctx.db, ctx.actor, input)),
  list: accountProcedure
    .input(ZAccountListInput)
    .output(z.object({ params: ZParamsOutput, list: z.enum(ACCOUNT_LISTS), total: z.number(), page: z.number(), pageSize: z.number(), rows: z.array(ZAccountRow) }))
    .query(({ ctx, input }) => readAccountList(ctx.db, ctx.actor, input, ctx.ip, ctx.locale)),
  forecast: accountProcedure
    .input(ZForecastInput)
    .output(ZForecastResult)
    .query(({ ctx, input }) => readForecast(ctx.db, ctx.actor, input, ctx.ip)),
});
