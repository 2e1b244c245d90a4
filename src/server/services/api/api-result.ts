// What an API service hands back to the HTTP layer: the answer, or a stable
// error code, plus what the audit record needs (learners touched, outcome).
import type { ApiErrorCode } from "@/lib/schemas/api/common";

export type ApiServiceResult<T> =
  | { ok: true; body: T; learnerIds: string[]; details?: Record<string, unknown> }
  | { ok: false; error: ApiErrorCode; learnerIds: string[]; details?: Record<string, unknown> };

export const answer = <T>(body: T, learnerIds: string[] = [], details?: Record<string, unknown>): ApiServiceResult<T> => ({ ok: true, body, learnerIds, details });
export const refuse = <T = never>(error: ApiErrorCode, learnerIds: string[] = [], details?: Record<string, unknown>): ApiServiceResult<T> => ({ ok: false, error, learnerIds, details });
