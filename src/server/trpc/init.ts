// tRPC foundation: context, error mapping and the procedure layers
// public → authenticated → portal / stage / capability.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import "@/lib/zod-locale";
import { localiseErrorText, localiseIssue } from "@/lib/errors/catalogue";
import type { Locale } from "@/lib/i18n";
import { findUnstorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/unstorable-text";
import { loadSession, type Actor, type SessionClaims, type SessionGate } from "../auth/actor";
import {
  allowsStage,
  hasCapability,
  type Capability,
  type Portal,
  type Stage,
  type StageAccess,
} from "../authz/matrix";
import { permits, type Permission } from "../authz/permissions";
import type { Db } from "../db";
import { databaseUnavailableMessage } from "../db/unavailable";
import { DomainError } from "../errors";

export interface Context {
  db: Db;
  claims: SessionClaims | null;
  ip: string | null;
  /** The page's language (kt-locale cookie) for text the server builds, such as report tables; Russian when absent. */
  locale?: Locale;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // Every message a person sees goes out with its catalogue code (src/messages/errors-*.ts)
  // and in the reader's language; field errors keep their dotted path.
  errorFormatter({ shape, error, ctx }) {
    const locale = ctx?.locale ?? "ru";
    const cause = error.cause;
    let zodError = null;
    if (cause instanceof ZodError) {
      const issues = cause.issues.map((i) => {
        const { code, message } = localiseIssue(i as never, locale);
        return { path: i.path.join("."), code, message };
      });
      const fieldErrors: Record<string, string[]> = {};
      const formErrors: string[] = [];
      for (const issue of issues) {
        if (!issue.path) formErrors.push(issue.message);
        else (fieldErrors[issue.path.split(".")[0]!] ??= []).push(issue.message);
      }
      zodError = { formErrors, fieldErrors, issues };
    }
    const domainField = cause instanceof DomainError ? (cause.field ?? null) : null;
    const details = cause instanceof DomainError ? (cause.details ?? null) : null;
    // Internal errors never show their message or stack to the browser.
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    const text = localiseErrorText(internal ? "Внутренняя ошибка сервера. Попробуйте позже." : shape.message, locale);
    return {
      ...shape,
      message: zodError ? shape.message : text.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        errorCode: zodError ? null : text.code,
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
  // The server is down, restarting or timed out: a clean 503 the page can explain; pg's pool reconnects once it is back.
  const unavailable = err.code === "INTERNAL_SERVER_ERROR" ? databaseUnavailableMessage(cause) : null;
  if (unavailable) {
    console.warn("[trpc] database unavailable:", (cause as Error | undefined)?.message?.split("\n").at(-1));
    throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: unavailable, cause });
  }
  if (err.code === "INTERNAL_SERVER_ERROR") console.error("[trpc]", cause ?? err);
  return result;
});

/**
 * Refuses text PostgreSQL cannot store (NUL, lone surrogates; see
 * unstorable-text.ts) in any input as a field error, before a query fails on it.
 */
const refuseUnstorableText = t.middleware(async ({ getRawInput, next }) => {
  const path = findUnstorableText(await getRawInput());
  if (path) {
    const message = UNSTORABLE_TEXT_MESSAGE;
    // Raised through zod itself, so the formatter shows it on the field like any other input error.
    const { error } = z.unknown().superRefine((_, ctx) => ctx.addIssue({ code: "custom", path, message })).safeParse(null);
    throw new TRPCError({ code: "BAD_REQUEST", message, cause: error });
  }
  return next();
});

export const publicProcedure = t.procedure.use(mapErrors).use(refuseUnstorableText);

const signedOut = () => new TRPCError({ code: "UNAUTHORIZED", message: "Требуется вход в систему" });

/**
 * Only a fully signed-in session: a session still owing its second factor,
 * or of a role that must enrol one, gets no data from any procedure.
 */
export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const state = await loadSession(ctx.db, ctx.claims);
  if (!state || state.gate !== "open") throw signedOut();
  return next({ ctx: { ...ctx, actor: state.actor, scope: state.actor.scope, sessionId: state.sessionId } });
});

/** A session in one of `gates`: the second sign-in step and TOTP enrolment. */
export const gatedProcedure = (gates: readonly SessionGate[]) =>
  publicProcedure.use(async ({ ctx, next }) => {
    const state = await loadSession(ctx.db, ctx.claims);
    if (!state) throw signedOut();
    if (!gates.includes(state.gate)) throw new TRPCError({ code: "FORBIDDEN", message: "Этот шаг входа сейчас недоступен" });
    return next({ ctx: { ...ctx, actor: state.actor, sessionId: state.sessionId, gate: state.gate } });
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

/** Only actors a named check of ../authz/permissions.ts admits: the same check the rule's route handler and page use. */
export const permittedProcedure = (check: Permission) =>
  authedProcedure.use(({ ctx, next }) => {
    if (!permits(check, ctx.actor)) throw denied();
    return next();
  });
