// The procedure builders themselves, per role: a stage procedure admits
// exactly the roles the matrix grants, and domain errors keep their codes.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, expect, it } from "vitest";
import { z } from "zod";
import { DEMO_ACCOUNTS } from "../../../prisma/seed/demo-region";
import { allowsStage, STAGES, type Stage } from "../authz/matrix";
import { notFound } from "../errors";
import { signedInClaims } from "../testing/sessions";
import { createSeededTestDatabase, describeDb } from "../testing/test-db";
import { authedProcedure, createCallerFactory, router, stageProcedure } from "./init";

const probe = router({
  ...Object.fromEntries(
    STAGES.flatMap((stage) =>
      (["aggregate", "identity", "read", "write"] as const).map((need) => [`${stage}_${need}`, stageProcedure(stage, need).query(() => "ok")]),
    ),
  ),
  missing: authedProcedure.query(() => {
    throw notFound("Обучающийся не найден");
  }),
  crash: authedProcedure.query(() => {
    throw new Error("secret internals: connection string postgres://user:pw@host");
  }),
  strict: authedProcedure.input(z.object({ n: z.number().int("Целое число") })).query(({ input }) => input.n),
});
const createProbeCaller = createCallerFactory(probe);

describeDb("procedure layers", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  beforeAll(async () => {
    db = await createSeededTestDatabase();
  });
  afterAll(() => db?.close());

  async function callerFor(login: string) {
    return createProbeCaller({ db: db.prisma, claims: await signedInClaims(db.prisma, login), ip: null }) as unknown as Record<string, () => Promise<unknown>> & { strict(i: unknown): Promise<unknown> };
  }

  for (const account of DEMO_ACCOUNTS) {
    it(`${account.role}: stage procedures follow the matrix`, async () => {
      const caller = await callerFor(account.login);
      for (const stage of STAGES as readonly Stage[]) {
        for (const need of ["aggregate", "identity", "read", "write"] as const) {
          const call = caller[`${stage}_${need}`]!();
          if (allowsStage(account.role, stage, need)) await expect(call).resolves.toBe("ok");
          else await expect(call).rejects.toMatchObject({ code: "FORBIDDEN" });
        }
      }
    });
  }

  it("maps domain errors once and hides internal ones", async () => {
    const caller = await callerFor("school.admin");
    await expect(caller.missing!()).rejects.toMatchObject({ code: "NOT_FOUND", message: "Обучающийся не найден" });
    await expect(caller.crash!()).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    await expect(caller.strict({ n: 1.5 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("sends the browser no internals: generic message, no stack, field errors for bad input", async () => {
    const claims = await signedInClaims(db.prisma, "school.admin");
    const call = async (path: string, input?: unknown) => {
      const url = `http://localhost/api/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`;
      const res = await fetchRequestHandler({
        endpoint: "/api/trpc",
        req: new Request(url),
        router: probe,
        createContext: () => ({ db: db.prisma, claims, ip: null }),
      });
      return { status: res.status, text: await res.text() };
    };
    const crash = await call("crash");
    expect(crash.status).toBe(500);
    expect(crash.text).toContain("Внутренняя ошибка сервера");
    expect(crash.text).not.toContain("secret internals");
    expect(crash.text).not.toMatch(/stack|at .*\.ts/);

    const missing = await call("missing");
    expect(missing.status).toBe(404);
    expect(missing.text).toContain("Обучающийся не найден");

    const bad = await call("strict", { n: 1.5 });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error.json.data.zodError.fieldErrors).toEqual({ n: ["Целое число"] });
  });
});
