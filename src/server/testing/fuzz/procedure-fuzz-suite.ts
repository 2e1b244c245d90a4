// The property every tRPC procedure must hold, whatever it is sent and by
// whom: it resolves, or it rejects with a TRPCError that is not a 5xx
// (INTERNAL_SERVER_ERROR), and nothing rejects unhandled meanwhile.
// A test file calls `defineProcedureFuzz(shard, shards)`; each file has its
// own seeded in-memory PGlite database.
import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { ZodError } from "zod";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_ACCOUNTS } from "../../../../prisma/seed/demo-region";
import { anonymousCaller, callerAs } from "../callers";
import { learnerInput } from "../learner-fixtures";
import { createSeededTestDatabase, testDatabaseKind } from "../test-db";
import { callPath, inputArbitrary, listProcedures, type FuzzedProcedure } from "./procedures";
import { collectIds, collectSnils, realisticHint } from "./realistic-values";

/** Runs per procedure: 1,000 in the normal test run, more with FUZZ_RUNS (npm run test:fuzz:long). */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
/**
 * A procedure without an input parser never sees its input (tRPC drops it
 * before any middleware reads it), so its runs differ only in the role: a
 * tenth of the runs covers that, and keeps the CI run within its time budget.
 */
export const FUZZ_RUNS_WITHOUT_INPUT = Math.max(50, Math.round(FUZZ_RUNS / 10));
/** A failing run prints its seed; FUZZ_SEED replays it. */
const FUZZ_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

type Caller = Awaited<ReturnType<typeof callerAs>>;
type Outcome = "resolved" | "invalid" | "refused" | "other";

const isAccessDenial = (e: unknown) => e instanceof TRPCError && (e.code === "FORBIDDEN" || e.code === "UNAUTHORIZED");

/** What a call must never do; returns the outcome class for the statistics. */
export async function expectNo5xx(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    await call();
    return "resolved";
  } catch (error) {
    if (!(error instanceof TRPCError)) throw new Error(`not a TRPCError: ${String(error)}`, { cause: error });
    if (error.code === "INTERNAL_SERVER_ERROR") {
      const cause = error.cause as Error | undefined;
      throw new Error(`INTERNAL_SERVER_ERROR: ${cause?.stack ?? cause ?? error.message}`, { cause: error });
    }
    if (error.code === "BAD_REQUEST") {
      // Bad input is explained to the person, in Russian, on the field.
      if (error.cause instanceof ZodError) {
        const foreign = error.cause.issues.filter((i) => !/[А-Яа-яЁё]/.test(i.message));
        if (foreign.length) throw new Error(`BAD_REQUEST without a Russian message: ${JSON.stringify(foreign.map((i) => ({ path: i.path.join("."), message: i.message })))}`);
      } else if (!/[А-Яа-яЁё]/.test(error.message)) throw new Error(`BAD_REQUEST without a Russian message: ${error.message}`);
      return "invalid";
    }
    return isAccessDenial(error) ? "refused" : "other";
  }
}

/** FUZZ_ONLY=<regex> limits the run to matching procedure paths (when chasing one bug). */
const only = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : null;

export function defineProcedureFuzz(shard: number, shards: number) {
  const procedures = listProcedures().filter((p, i) => i % shards === shard && (!only || only.test(p.path)));
  const run = testDatabaseKind === "pglite" ? describe : describe.skip;

  run(`fuzz: tRPC procedures, shard ${shard + 1}/${shards} [${testDatabaseKind}]`, () => {
    let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
    const callers = new Map<string, Caller>();
    let hint: ReturnType<typeof realisticHint>;
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    const stats: string[] = [];

    beforeAll(async () => {
      process.on("unhandledRejection", onUnhandled);
      // The error middleware logs every 5xx with its stack; a failing property reports its own cause.
      vi.spyOn(console, "error").mockImplementation(() => {});
      db = await createSeededTestDatabase();
      for (const account of DEMO_ACCOUNTS) callers.set(account.login, await callerAs(db.prisma, account.login));
      callers.set("anonymous", anonymousCaller(db.prisma));
      // A few learners with representatives, so that ids and SNILS in the inputs find rows.
      const registrar = callers.get("school.registrar")!;
      for (let day = 1; day <= 5; day++) await registrar.learners.create(learnerInput({ learner: { birthDate: `2015-03-0${day}` } }));
      const actingUsers = await db.prisma.user.findMany({ where: { login: { in: DEMO_ACCOUNTS.map((a) => a.login) } }, select: { id: true } });
      hint = realisticHint(await collectIds(db.prisma, { users: actingUsers.map((u) => u.id) }), await collectSnils(db.prisma));
    }, 300_000);

    afterAll(async () => {
      process.off("unhandledRejection", onUnhandled);
      vi.restoreAllMocks();
      if (stats.length) console.log(`fuzz shard ${shard + 1}/${shards}, ${FUZZ_RUNS} runs each, ${FUZZ_RUNS_WITHOUT_INPUT} without input (resolved/invalid/refused/other, then ms):\n${stats.join("\n")}`);
      await db?.close();
    });

    /** Roles the procedure serves (those not refused outright), and those it refuses. */
    async function rolesOf(procedure: FuzzedProcedure) {
      const allowed: string[] = [];
      const denied: string[] = [];
      for (const [login, caller] of callers) {
        const refused = await callPath(caller, procedure.path, undefined).then(() => false, isAccessDenial);
        (refused ? denied : allowed).push(login);
      }
      return { allowed, denied };
    }

    for (const procedure of procedures) {
      it(`${procedure.path} never answers with a 5xx`, async () => {
        const { allowed, denied } = await rolesOf(procedure);
        // Mostly a role that may call it (so validation and the service run), sometimes one that may not.
        const logins = fc.oneof(
          { arbitrary: allowed.length ? fc.constantFrom(...allowed) : fc.constantFrom(...denied), weight: 9 },
          { arbitrary: denied.length ? fc.constantFrom(...denied) : fc.constantFrom(...allowed), weight: 1 },
        );
        const counts: Record<Outcome, number> = { resolved: 0, invalid: 0, refused: 0, other: 0 };
        const millis: Record<Outcome, number> = { resolved: 0, invalid: 0, refused: 0, other: 0 };
        await fc.assert(
          fc.asyncProperty(logins, inputArbitrary(procedure, hint), async (login, input) => {
            const start = performance.now();
            const outcome = await expectNo5xx(() => callPath(callers.get(login)!, procedure.path, input));
            counts[outcome] += 1;
            millis[outcome] += performance.now() - start;
          }),
          { numRuns: procedure.inputSchema ? FUZZ_RUNS : FUZZ_RUNS_WITHOUT_INPUT, seed: FUZZ_SEED },
        );
        stats.push(`  ${procedure.path.padEnd(42)} ${counts.resolved}/${counts.invalid}/${counts.refused}/${counts.other}  ms ${Object.values(millis).map(Math.round).join("/")}  (roles: ${allowed.join(", ") || "none"})`);
        expect(unhandled).toEqual([]);
        // Generous: a shared machine under load must not turn a slow run into a failure.
      }, Math.max(60_000, FUZZ_RUNS * 300));
    }
  });
}
