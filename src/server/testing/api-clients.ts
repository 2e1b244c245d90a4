// Machine clients and /api/v1 calls for integration tests: clients are
// registered through the admin procedure (as sys.admin) and approved by the
// second person (edu.officer) unless a test asks for a pending one; calls go through the
// real route handler bodies with real Request objects, and every answer is
// checked against the OpenAPI document with a JSON Schema validator.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { NextRequest } from "next/server";
import { expect } from "vitest";
import type { RegisterClientInput } from "@/lib/schemas/api-clients";
import type { Db } from "../db";
import { buildOpenApiDocument } from "../http/api-v1/openapi";
import { approveClient } from "./approvals";
import { callerAs } from "./callers";

type Handler = (req: NextRequest, params?: Record<string, string>, db?: Db) => Promise<Response>;

export async function registerTestClient(
  db: Db,
  input: Partial<RegisterClientInput> & Pick<RegisterClientInput, "kind">,
  { approve = true }: { approve?: boolean } = {},
) {
  const admin = await callerAs(db, "sys.admin");
  const { client, token } = await admin.admin.machineClients.register({ name: `Тестовый клиент ${input.kind}`, rateLimitPerMinute: 10_000, ...input });
  if (approve) await approveClient(db, client.id);
  return { id: client.id, token };
}

const document = buildOpenApiDocument();
// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: "openapi.json", components: document.components });

/** Fails the test unless `body` is what the document promises for this operation and status. */
export function expectContract(method: "get" | "post", path: keyof typeof document.paths, status: number, body: unknown) {
  const operation = (document.paths[path] as Record<string, { responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }> }>)[method];
  const response = operation?.responses[String(status)];
  expect(response, `${method.toUpperCase()} ${path} does not document status ${status}`).toBeDefined();
  const validate = ajv.getSchema(`openapi.json${response!.content["application/json"]!.schema.$ref}`)!;
  const ok = validate(body);
  expect(ok, `${method.toUpperCase()} ${path} ${status}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`).toBe(true);
}

export interface ApiAnswer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** Calls a handler like Next would and validates the answer against the document. */
export async function callApi<T = any>(
  db: Db,
  handler: Handler,
  call: { method: "get" | "post"; path: keyof typeof document.paths; token?: string | null; url?: string; params?: Record<string, string>; body?: unknown },
): Promise<ApiAnswer<T>> {
  const url = `http://localhost:3000/api/v1${call.url ?? call.path}`;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  const req = new NextRequest(url, {
    method: call.method.toUpperCase(),
    headers,
    ...(call.body === undefined ? {} : { body: typeof call.body === "string" ? call.body : JSON.stringify(call.body) }),
  });
  const res = await handler(req, call.params, db);
  const body = (await res.json()) as T;
  expectContract(call.method, call.path, res.status, body);
  return { status: res.status, body, headers: res.headers };
}
