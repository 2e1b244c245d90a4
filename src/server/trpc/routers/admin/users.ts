import { z } from "zod";
import { ZIdInput } from "@/lib/schemas/ids";
import { ZCreateUserInput, ZListUsersInput, ZSetUserActiveInput, ZUpdateUserInput } from "@/lib/schemas/users";
import {
  createUser,
  listScopeOptions,
  listUsers,
  setUserActive,
  updateUser,
} from "../../../services/users/manage-users";
import { endAllSessions, resetSecondFactor } from "../../../services/users/account-security";
import { ZUserView } from "../../../services/users/user-view";
import { capabilityProcedure, router } from "../../init";

const manage = capabilityProcedure("users.manage");

export const usersRouter = router({
  list: manage
    .input(ZListUsersInput)
    .output(z.object({ total: z.number(), rows: z.array(ZUserView) }))
    .query(({ ctx, input }) => listUsers(ctx.db, ctx.actor, input)),
  scopeOptions: manage
    .output(
      z.object({
        municipalities: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            organisations: z.array(z.object({ id: z.string(), shortName: z.string() })),
          }),
        ),
      }),
    )
    .query(({ ctx }) => listScopeOptions(ctx.db, ctx.actor)),
  create: manage
    .input(ZCreateUserInput)
    .output(ZUserView)
    .mutation(({ ctx, input }) => createUser(ctx.db, ctx.actor, input, ctx)),
  update: manage
    .input(ZUpdateUserInput)
    .output(ZUserView)
    .mutation(({ ctx, input }) => updateUser(ctx.db, ctx.actor, input, ctx)),
  setActive: manage
    .input(ZSetUserActiveInput)
    .output(ZUserView)
    .mutation(({ ctx, input }) => setUserActive(ctx.db, ctx.actor, input.id, input.active, ctx)),
  endSessions: manage
    .input(ZIdInput)
    .output(z.object({ ended: z.number() }))
    .mutation(({ ctx, input }) => endAllSessions(ctx.db, ctx.actor, input.id, ctx)),
  resetSecondFactor: manage
    .input(ZIdInput)
    .output(z.object({ ended: z.number() }))
    .mutation(({ ctx, input }) => resetSecondFactor(ctx.db, ctx.actor, input.id, ctx)),
});
