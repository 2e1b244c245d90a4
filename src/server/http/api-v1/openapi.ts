// The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas
// the handlers parse and answer with (zod 4's own JSON Schema output, whose
// 2020-12 dialect is OpenAPI 3.1's). Served at /api/v1/openapi.json and
// rendered at /api/v1/docs; the contract tests validate every answer against it.
import { z } from "zod";
import { API_ERROR_CODES, ZApiError } from "@/lib/schemas/api/common";
import { GRADE_BATCH_LIMIT, ZApiClassesQuery, ZApiClassLearners, ZApiClassList, ZApiGradeBatch, ZApiGradeBatchResult, ZApiGradeRow } from "@/lib/schemas/api/ejournal";
import { ZApiChangePage, ZApiChangesQuery } from "@/lib/schemas/api/federal";
import { ZApiPerformance, ZApiPerformanceQuery } from "@/lib/schemas/api/public-services";
import { API_ERRORS } from "./errors";

type JsonSchema = Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const uri = (id: string) => `#/components/schemas/${id}`;

function componentSchemas(entries: Record<string, z.ZodType>, io: "input" | "output"): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(entries)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { target: "draft-2020-12", io, unrepresentable: "any", uri });
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema as JsonSchema]));
}

function queryParameters(schema: z.ZodObject) {
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as { properties: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties).map(([name, { description, ...s }]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    ...(description ? { description } : {}),
    schema: s,
  }));
}

const json = (schema: object, description: string) => ({ description, content: { "application/json": { schema } } });
const errors = (...codes: (typeof API_ERROR_CODES)[number][]) => {
  const byStatus = new Map<number, string[]>();
  for (const code of ["UNAUTHORIZED", "FORBIDDEN", "RATE_LIMITED", "INTERNAL_ERROR", "SERVICE_UNAVAILABLE", ...codes] as const) {
    const { status } = API_ERRORS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return {
    ...Object.fromEntries([...byStatus].map(([status, list]) => [String(status), json(ref("Error"), list.join(", "))])),
    // Every path answers its other methods the same way (Next's own 405 has no body).
    "405": {
      ...json(ref("Error"), "METHOD_NOT_ALLOWED: the path was called with a method it does not accept"),
      headers: { Allow: { description: "The methods this path accepts, e.g. `POST`", schema: { type: "string" } } },
    },
  };
};
const security = [{ bearer: [] }];

export function buildOpenApiDocument() {
  const schemas = {
    ...componentSchemas({ GradeRow: ZApiGradeRow, GradeBatch: ZApiGradeBatch, PerformanceQuery: ZApiPerformanceQuery }, "input"),
    ...componentSchemas(
      { Error: ZApiError, ClassList: ZApiClassList, ClassLearners: ZApiClassLearners, GradeBatchResult: ZApiGradeBatchResult, Performance: ZApiPerformance, ChangePage: ZApiChangePage },
      "output",
    ),
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Kontingent API for machine clients",
      version: "1.0.0",
      description:
        "Regional registry of learners. Machine clients (e-journals, the public-services portal, the federal segment) call it with a bearer token issued in the admin portal. Every call is audited. Errors are JSON with a stable code and a Russian and English message. No personal data in URLs: SNILS travels only in request bodies.",
    },
    servers: [{ url: "/api/v1" }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "`Authorization: Bearer kt_…` — the token shown once when the client is registered or its token rotated" } },
      schemas,
    },
    security,
    paths: {
      "/ejournal/classes": {
        get: {
          operationId: "listClasses",
          tags: ["E-journal"],
          summary: "Classes of the e-journal's organisation",
          parameters: queryParameters(ZApiClassesQuery),
          responses: { "200": json(ref("ClassList"), "Classes with the number of learners each holds"), ...errors("VALIDATION_FAILED") },
        },
      },
      "/ejournal/classes/{classId}/learners": {
        get: {
          operationId: "listClassLearners",
          tags: ["E-journal"],
          summary: "Learners of a class: identity subset only (names, birth date, sex)",
          parameters: [{ name: "classId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          responses: { "200": json(ref("ClassLearners"), "The class list"), ...errors("CLASS_NOT_FOUND") },
        },
      },
      "/ejournal/grades": {
        post: {
          operationId: "pushGrades",
          tags: ["E-journal"],
          summary: `Push period and final marks (up to ${GRADE_BATCH_LIMIT} rows), idempotent by journalRecordId`,
          description:
            "Each row is accepted, a duplicate (same record id and content as before) or refused with a reason (invalid row, learner not in the organisation, record id reused for another learner/year/subject/period, repeated within the batch); the others are still written. A known record id with changed content is a correction: a new mark superseding the earlier one.",
          requestBody: { required: true, content: { "application/json": { schema: ref("GradeBatch") } } },
          responses: { "200": json(ref("GradeBatchResult"), "Per-row results"), ...errors("VALIDATION_FAILED", "BATCH_TOO_LARGE") },
        },
      },
      "/public-services/performance": {
        post: {
          operationId: "learnerPerformance",
          tags: ["Public services"],
          summary: "Current marks of a learner, asked by a parent",
          description:
            "Answered only when the parent is a linked legal representative with a consent in force. Otherwise — unknown learner, unknown or unlinked parent, no or withdrawn consent — the same 404 LEARNER_NOT_FOUND.",
          requestBody: { required: true, content: { "application/json": { schema: ref("PerformanceQuery") } } },
          responses: { "200": json(ref("Performance"), "Current (not superseded) marks of the latest academic year with marks"), ...errors("VALIDATION_FAILED", "LEARNER_NOT_FOUND") },
        },
      },
      "/federal/changes": {
        get: {
          operationId: "federalChanges",
          tags: ["Federal segment"],
          summary: "Learners created, changed, moved or removed since the cursor",
          description:
            "Each change carries the learner's federal view as it is now (identity, organisation, programme, grade) or a removal when the learner is no longer enrolled anywhere. Apply pages in order to a map keyed by learnerId (upsert = set, remove = delete); replaying from cursor 0 reproduces the current state. Resume with the last nextCursor.",
          parameters: queryParameters(ZApiChangesQuery),
          responses: { "200": json(ref("ChangePage"), "A page of changes"), ...errors("VALIDATION_FAILED", "INVALID_CURSOR") },
        },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
