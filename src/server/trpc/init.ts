// tRPC foundation: context, error mapping and the procedure layers
// public → authenticated → portal / stage / capability.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import { loadActor, type Actor, type SessionClaims } from "../auth/actor";
import {
  allowsStage,
  hasCapability,
  type Capability,
  type Portal,
  type Stage,
  type StageAccess,
} from "../authz/matrix";
import type { Db } from "../db";
import { DomainError } from "../errors";

export interface Context {
  db: Db;
  claims: SessionClaims | null;
  ip: string | null;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const zodError =
      cause instanceof ZodError
        ? { ...z.flattenError(cause), issues: cause.issues.map((i) => ({ path: i.path.join("."), message: i.message })) }
        : null;
    const domainField = cause instanceof DomainError ? (cause.field ?? null) : null;
    const details = cause instanceof DomainError ? (cause.details ?? null) : null;
    // Internal errors never show their message or stack to the browser.
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    return {
      ...shape,
      message: internal ? "Внутренняя ошибка сервера. Попробуйте позже." : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        zodError,
        field: domainField,
        details,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Maps domain and database errors once; a TRPCError passes through untouched. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const err = result.error;
  const cause = err.cause;
  if (cause instanceof DomainError) {
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  // A unique index lost a race that the service's own check could not see.
  if ((cause as { code?: unknown } | undefined)?.code === "P2002") {
    throw new TRPCError({ code: "CONFLICT", message: "Такая запись уже существует. Обновите страницу и проверьте данные.", cause });
  }
  if (err.code === "INTERNAL_SERVER_ERROR") console.error("[trpc]", cause ?? err);
  return result;
});

export const publicProcedure = t.procedure.use(mapErrors);

export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const actor = await loadActor(ctx.db, ctx.claims);
  if (!actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Требуется вход в систему" });
  return next({ ctx: { ...ctx, actor, scope: actor.scope } });
});

const denied = () => new TRPCError({ code: "FORBIDDEN", message: "Недостаточно прав" });

function portalGuard(actor: Actor, portal: Portal) {
  if (actor.portal !== portal) throw denied();
}

/** Only roles whose home portal is `portal`. */
export const portalProcedure = (portal: Portal) =>
  authedProcedure.use(({ ctx, next }) => {
    portalGuard(ctx.actor, portal);
    return next();
  });

/** Only roles reaching at least `need` on `stage` (the access matrix). */
export const stageProcedure = (stage: Stage, need: Exclude<StageAccess, "none">) =>
  authedProcedure.use(({ ctx, next }) => {
    if (!allowsStage(ctx.actor.role, stage, need)) throw denied();
    return next();
  });

/** Only roles holding `capability` (the access matrix). */
export const capabilityProcedure = (capability: Capability) =>
  authedProcedure.use(({ ctx, next }) => {
    if (!hasCapability(ctx.actor.role, capability)) throw denied();
    return next();
  });
