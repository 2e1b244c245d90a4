// The API's error answers: one HTTP status and one Russian and English
// message per stable code. The docs page lists this table as it is.
import { z } from "zod";
import type { ApiErrorBody, ApiErrorCode } from "@/lib/schemas/api/common";

export const API_ERRORS: Record<ApiErrorCode, { status: number; ru: string; en: string }> = {
  UNAUTHORIZED: { status: 401, ru: "Нужен действующий токен: заголовок Authorization: Bearer kt_…", en: "A valid token is required: Authorization: Bearer kt_…" },
  FORBIDDEN: { status: 403, ru: "Этот метод недоступен клиенту такого вида", en: "This endpoint is not available to this kind of client" },
  RATE_LIMITED: { status: 429, ru: "Слишком много запросов: повторите после паузы (Retry-After)", en: "Too many requests: retry after the pause (Retry-After)" },
  VALIDATION_FAILED: { status: 400, ru: "Запрос заполнен неверно", en: "The request is invalid" },
  BATCH_TOO_LARGE: { status: 413, ru: "Слишком много строк в пакете", en: "Too many rows in one batch" },
  INVALID_CURSOR: { status: 400, ru: "Неверный курсор: передайте nextCursor предыдущего ответа или 0", en: "Invalid cursor: pass the previous nextCursor or 0" },
  CLASS_NOT_FOUND: { status: 404, ru: "Класс не найден", en: "Class not found" },
  LEARNER_NOT_FOUND: { status: 404, ru: "Обучающийся не найден", en: "Learner not found" },
  NOT_FOUND: { status: 404, ru: "Метод не найден", en: "No such endpoint" },
  METHOD_NOT_ALLOWED: { status: 405, ru: "Этот адрес не принимает такой метод HTTP: допустимые названы в заголовке Allow", en: "This endpoint does not accept this HTTP method: the Allow header names the accepted ones" },
  INTERNAL_ERROR: { status: 500, ru: "Внутренняя ошибка сервера. Повторите позже.", en: "Internal server error. Try again later." },
  SERVICE_UNAVAILABLE: {
    status: 503,
    ru: "База данных временно недоступна или перегружена. Повторите запрос через минуту (Retry-After).",
    en: "The database is unavailable or overloaded for a moment. Retry in a minute (Retry-After).",
  },
};

export const API_HEADERS = { "Cache-Control": "no-store", "Content-Type": "application/json; charset=utf-8" } as const;

export function apiErrorBody(code: ApiErrorCode, details?: ApiErrorBody["error"]["details"]): ApiErrorBody {
  const { ru, en } = API_ERRORS[code];
  return { error: { code, message: { ru, en }, ...(details ? { details } : {}) } };
}

export function apiError(code: ApiErrorCode, details?: ApiErrorBody["error"]["details"], headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(apiErrorBody(code, details)), { status: API_ERRORS[code].status, headers: { ...API_HEADERS, ...headers } });
}

export function apiJson(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: API_HEADERS });
}

/**
 * The handler for the methods a route does not serve: 405 in the API's error
 * shape with Allow. Without it Next answers a wrong method with an empty 405.
 */
export function methodNotAllowed(...allow: ("GET" | "POST")[]): () => Response {
  return () => apiError("METHOD_NOT_ALLOWED", undefined, { Allow: allow.join(", ") });
}

/** zod issues as `{ path, message }` pairs (Russian messages from the shared schemas). */
export const issuesOf = (error: z.ZodError) => error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
