// Shapes shared by every /api/v1 endpoint: the error body and the stable
// error codes. The same zod objects validate at run time and generate the
// OpenAPI document (src/server/http/api-v1/openapi.ts).
import { z } from "zod";

/** Every error code the API answers with; listed with its meaning on /api/v1/docs. */
export const API_ERROR_CODES = [
  "UNAUTHORIZED",
  "FORBIDDEN",
  "RATE_LIMITED",
  "VALIDATION_FAILED",
  "BATCH_TOO_LARGE",
  "INVALID_CURSOR",
  "CLASS_NOT_FOUND",
  "LEARNER_NOT_FOUND",
  "NOT_FOUND",
  "METHOD_NOT_ALLOWED",
  "INTERNAL_ERROR",
  "SERVICE_UNAVAILABLE",
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const ZLocalizedMessage = z
  .object({ ru: z.string(), en: z.string() })
  .meta({ description: "The same message in Russian and English" });

export const ZApiIssue = z.object({
  path: z.string().meta({ description: "Dotted path of the offending field, e.g. `grades.3.mark`" }),
  message: z.string().meta({ description: "What is wrong, in Russian" }),
});

export const ZApiError = z
  .object({
    error: z.object({
      code: z.enum(API_ERROR_CODES),
      message: ZLocalizedMessage,
      details: z.object({ issues: z.array(ZApiIssue).optional(), retryAfterSeconds: z.number().int().optional() }).optional(),
    }),
  })
  .meta({ description: "Every error: a stable code and a Russian and English message" });
export type ApiErrorBody = z.infer<typeof ZApiError>;

export const zApiUuid = z.uuid({ error: "Ожидается идентификатор (UUID)" });
export const zApiDate = z.iso.date().meta({ description: "YYYY-MM-DD" });
