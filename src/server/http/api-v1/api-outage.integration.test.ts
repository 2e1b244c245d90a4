// /api/v1 while the database is unreachable: a 503 in the API's error shape
// with Retry-After (documented in the OpenAPI document), like the portal's
// pages and downloads — never the 500 of an unexpected error. Needs no test
// database: the handler gets a client for an address where nothing listens.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db";
import { callApi } from "../../testing/api-clients";
import { getFederalChanges } from "./endpoints";

describe("API during a database outage", () => {
  let down: DatabaseHandle;
  beforeAll(async () => {
    // Port 9 (discard) on loopback: every query fails at once with ECONNREFUSED.
    down = await openDatabase({ kind: "postgres", url: "postgresql://kontingent@127.0.0.1:9/kontingent" });
  });
  afterAll(() => down?.close());

  it("answers 503 SERVICE_UNAVAILABLE with Retry-After, as documented", async () => {
    const res = await callApi(down.prisma, getFederalChanges, { method: "get", path: "/federal/changes", token: `kt_abcdefghijklmnop_${"s".repeat(43)}` });
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: "SERVICE_UNAVAILABLE", message: { ru: expect.stringContaining("Повторите") } });
    expect(res.headers.get("retry-after")).toBe("60");
  });
});
