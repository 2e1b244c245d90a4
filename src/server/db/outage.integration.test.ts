// PostgreSQL restarts while the application runs: on a private cluster (never
// the shared server), the app's own database module answers, then the server
// stops. Calls during the outage must fail cleanly — SERVICE_UNAVAILABLE with
// «База данных временно недоступна», no stack, no unhandled rejection, no
// crash — and once the server is back the same client answers again.
// Skips when the PostgreSQL server binaries are missing, unless REQUIRE_POSTGRES=1.
import { signedInClaims } from "@/server/testing/sessions";
import type { SessionClaims } from "@/server/auth/actor";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoRegion } from "../../../prisma/seed/demo-region";
import { openDatabase, type DatabaseHandle } from "../db";
import { testDatabaseKind } from "../testing/test-db";
import { createPrivateCluster, findPostgresBin, type PrivateCluster } from "../testing/faults/private-postgres";
import { appRouter, createCaller } from "../trpc/root";
import { pollUntil } from "../testing/faults/child-process";
import { applyMigrations } from "./migrate";
import { openSqlConnection } from "./sql";
import { isDatabaseUnavailable } from "./unavailable";

const bin = findPostgresBin();
if (!bin && process.env.REQUIRE_POSTGRES === "1") throw new Error("REQUIRE_POSTGRES=1 but no PostgreSQL server binaries under /usr/lib/postgresql/*/bin");
if (!bin) console.warn("PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql: outage test skipped.");

// One run is enough: the test brings its own server, so the PGlite project skips it.
const enabled = bin !== null && testDatabaseKind === "postgres";

(enabled ? describe : describe.skip)("PostgreSQL restart while the app runs [private cluster]", () => {
  let cluster: PrivateCluster;
  let handle: DatabaseHandle;
  let claims: SessionClaims;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);

  const caller = () => createCaller({ db: handle.prisma, claims, ip: "127.0.0.1" });
  /** The same call through the HTTP handler the Next route uses. */
  const overHttp = async () => {
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request("http://localhost/api/trpc/school.organisation"),
      router: appRouter,
      createContext: () => ({ db: handle.prisma, claims, ip: "127.0.0.1" }),
    });
    return { status: response.status, body: await response.text() };
  };
  const expectUnavailable = async (call: Promise<unknown>) => {
    const error = await call.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("SERVICE_UNAVAILABLE");
    expect((error as TRPCError).message).toMatch(/^База данных временно недоступна/);
  };

  beforeAll(async () => {
    process.on("unhandledRejection", onUnhandled);
    cluster = await createPrivateCluster(bin!);
    await cluster.start();
    const sql = await openSqlConnection({ kind: "postgres", url: cluster.url });
    await applyMigrations(sql, { log: () => {} });
    await sql.close();
    handle = await openDatabase({ kind: "postgres", url: cluster.url });
    await seedDemoRegion(handle.prisma);
    claims = await signedInClaims(handle.prisma, "school.admin");
  }, 120_000);

  afterAll(async () => {
    process.off("unhandledRejection", onUnhandled);
    await handle?.close().catch(() => {});
    await cluster?.destroy();
  });

  it("answers, fails cleanly with SERVICE_UNAVAILABLE while the server is down, and answers again after the restart", async () => {
    const before = await caller().school.organisation();
    expect(before).toBeTruthy();
    expect((await overHttp()).status).toBe(200);

    // A query in flight when the server stops is terminated (57P01 admin_shutdown) and must be recognised as an outage.
    const inFlight = handle.prisma.$queryRawUnsafe("SELECT pg_sleep(30)").then(() => null, (e: unknown) => e);
    await pollUntil(
      "the sleeping query to start",
      async () => (await handle.prisma.$queryRawUnsafe<{ n: number }[]>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(30)'"))[0]!.n > 0,
      10_000,
    );
    await cluster.stop();
    expect(isDatabaseUnavailable(await inFlight)).toBe(true);
    await expectUnavailable(caller().school.organisation());
    await expectUnavailable(caller().learners.list({}));
    const http = await overHttp();
    expect(http.status).toBe(503);
    expect(http.body).toContain("База данных временно недоступна");
    expect(http.body).not.toMatch(/ECONNREFUSED|at .*\.(ts|js):\d+|stack/);

    await cluster.start();
    expect(await caller().school.organisation()).toEqual(before);
    expect(await caller().learners.list({})).toMatchObject({ total: expect.any(Number) });
    expect((await overHttp()).status).toBe(200);
    expect(unhandled).toEqual([]);
  }, 120_000);
});
