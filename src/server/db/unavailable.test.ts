import { describe, expect, it } from "vitest";
import { createCallerFactory, publicProcedure, router } from "../trpc/init";
import type { Db } from "../db";
import { DATABASE_BUSY_MESSAGE, DATABASE_UNAVAILABLE_MESSAGE, databaseUnavailableMessage, isDatabaseUnavailable } from "./unavailable";

const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it("recognises outages however deep the driver wrapped them", () => {
    expect(isDatabaseUnavailable(withCode("P1001", "Can't reach database server"))).toBe(true);
    expect(isDatabaseUnavailable(withCode("57P01", "terminating connection due to administrator command"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("outer", { cause: withCode("ECONNREFUSED") }))).toBe(true);
    expect(isDatabaseUnavailable({ code: "P2010", meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } } })).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([withCode("ECONNREFUSED")]))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
  });
  it("leaves query and programming errors alone (they stay 4xx or 500)", () => {
    expect(isDatabaseUnavailable(withCode("P2002"))).toBe(false);
    expect(isDatabaseUnavailable(withCode("22001", "value too long"))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    const loop: { cause?: unknown } = {};
    loop.cause = loop;
    expect(isDatabaseUnavailable(loop)).toBe(false);
  });
});

/** Prisma's error after its interactive transaction's 5 s ran out (shape of PrismaClientKnownRequestError). */
const expiredTransaction = () =>
  Object.assign(new Error("Transaction API error: A query cannot be executed on an expired transaction. The timeout for this transaction was 5000 ms, however 7341 ms passed since the start of the transaction."), {
    code: "P2028",
    meta: { operation: "query", timeout: 5000, timeTaken: 7341 },
  });

describe("database timeouts", () => {
  it("answer like an outage, with their own message", () => {
    expect(databaseUnavailableMessage(expiredTransaction())).toBe(DATABASE_BUSY_MESSAGE);
    expect(databaseUnavailableMessage(withCode("P2028", "Unable to start a transaction in the given time."))).toBe(DATABASE_BUSY_MESSAGE);
    expect(databaseUnavailableMessage(withCode("P1008", "Operations timed out"))).toBe(DATABASE_BUSY_MESSAGE);
    // lock_timeout and statement_timeout, as the pg adapter wraps them.
    expect(databaseUnavailableMessage({ code: "P2010", meta: { driverAdapterError: { cause: { kind: "postgres", code: "55P03", message: "canceling statement due to lock timeout" } } } })).toBe(DATABASE_BUSY_MESSAGE);
    expect(databaseUnavailableMessage(new Error("outer", { cause: withCode("57014", "canceling statement due to statement timeout") }))).toBe(DATABASE_BUSY_MESSAGE);
    expect(isDatabaseUnavailable(expiredTransaction())).toBe(true);
  });
  it("yield to an outage found in the same error, and leave other errors alone", () => {
    expect(databaseUnavailableMessage(Object.assign(expiredTransaction(), { cause: withCode("ECONNRESET") }))).toBe(DATABASE_UNAVAILABLE_MESSAGE);
    expect(databaseUnavailableMessage(withCode("P2002"))).toBeNull();
    expect(databaseUnavailableMessage(withCode("40P01", "deadlock detected"))).toBeNull();
  });
  it("answer 503 with the Russian message through tRPC's error mapping", async () => {
    const call = createCallerFactory(router({ read: publicProcedure.query(() => Promise.reject(expiredTransaction())) }))({ db: {} as Db, claims: null, ip: null });
    const failure = await call.read().then(() => null, (error: unknown) => error);
    expect(failure).toMatchObject({ code: "SERVICE_UNAVAILABLE", message: DATABASE_BUSY_MESSAGE });
  });
});
