// A wrong method on an /api/v1 path answers 405 in the documented error shape
// with Allow, not Next's empty 405. Calls the route modules' exports as Next would.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { ZApiError } from "@/lib/schemas/api/common";
import * as classes from "@/app/api/v1/ejournal/classes/route";
import * as grades from "@/app/api/v1/ejournal/grades/route";
import * as performance from "@/app/api/v1/public-services/performance/route";
import { buildOpenApiDocument } from "./openapi";

const call = (handler: (req: NextRequest) => Response | Promise<Response>, method: string) =>
  handler(new NextRequest("http://localhost:3000/api/v1/x", { method, headers: { authorization: "Bearer kt_whatever" } }));

describe("/api/v1 wrong methods", () => {
  it("answers GET, PUT, PATCH and DELETE on a POST-only endpoint with 405 METHOD_NOT_ALLOWED and Allow: POST", async () => {
    for (const route of [grades, performance]) {
      for (const [method, handler] of [["GET", route.GET], ["PUT", route.PUT], ["PATCH", route.PATCH], ["DELETE", route.DELETE]] as const) {
        const res = await call(handler, method);
        expect(res.status, method).toBe(405);
        expect(res.headers.get("allow")).toBe("POST");
        expect(res.headers.get("cache-control")).toBe("no-store");
        const body = ZApiError.parse(await res.json());
        expect(body.error.code).toBe("METHOD_NOT_ALLOWED");
        expect(body.error.message.ru).toMatch(/Allow/);
      }
    }
  });

  it("answers POST on a GET-only endpoint the same way, with Allow: GET", async () => {
    const res = await call(classes.POST, "POST");
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET");
    expect(ZApiError.parse(await res.json()).error.code).toBe("METHOD_NOT_ALLOWED");
  });

  it("documents the 405 answer with its Allow header on every operation", () => {
    const doc = buildOpenApiDocument();
    const operations = Object.values(doc.paths).flatMap((p) => Object.values(p) as { responses: Record<string, { headers?: Record<string, unknown> }> }[]);
    expect(operations.length).toBe(5);
    for (const op of operations) expect(op.responses["405"]?.headers).toHaveProperty("Allow");
  });
});
