// Authentication for route handlers that cannot go through tRPC (file upload
// and download): the same claims and the same database re-read of the actor
// as the tRPC context, and JSON errors without stacks.
import type { NextRequest } from "next/server";
import { loadActor, type Actor } from "../auth/actor";
import type { ScopeKind } from "../authz/matrix";
import { clientIp } from "../auth/request-meta";
import { readSessionClaims } from "../auth/session";
import { getDb, type Db } from "../db";
import { databaseUnavailableMessage } from "../db/unavailable";

export const NO_STORE = { "Cache-Control": "no-store" } as const;

export function jsonError(status: number, error: string): Response {
  return Response.json({ error }, { status, headers: NO_STORE });
}

const INTERNAL = "Внутренняя ошибка сервера. Попробуйте позже.";

/** The answer to an unexpected error: 503 with a plain message while the database is down, else a logged 500 without details. */
export function unexpectedError(tag: string, error: unknown): Response {
  const unavailable = databaseUnavailableMessage(error);
  if (unavailable) {
    console.warn(`${tag} database unavailable`);
    return jsonError(503, unavailable);
  }
  console.error(tag, error);
  return jsonError(500, INTERNAL);
}

/** The same choice for an error line inside a stream that has already started. */
export function unexpectedErrorMessage(tag: string, error: unknown): string {
  const unavailable = databaseUnavailableMessage(error);
  if (unavailable) return unavailable;
  console.error(tag, error);
  return INTERNAL;
}

export interface RouteContext {
  db: Db;
  actor: Actor;
  ip: string | null;
}

/**
 * The signed-in actor of a request, or the error response to send: 401 when
 * signed out, 403 when `allowed` refuses the role or the scope is not one of
 * `scopes` (school files by default). Deny on doubt: a failing check answers
 * 403, never "allowed".
 */
export async function routeActor(
  req: NextRequest,
  allowed: (actor: Actor) => boolean,
  db?: Db,
  scopes: readonly ScopeKind[] = ["ORGANISATION"],
): Promise<RouteContext | Response> {
  const database = db ?? (await getDb());
  const actor = await loadActor(database, await readSessionClaims(req.cookies));
  if (!actor) return jsonError(401, "Требуется вход в систему");
  let ok = false;
  try {
    ok = scopes.includes(actor.scope.kind) && allowed(actor);
  } catch {
    ok = false;
  }
  if (!ok) return jsonError(403, "Недостаточно прав");
  return { db: database, actor, ip: clientIp(req.headers) };
}

/** Content-Disposition for a Cyrillic file name (RFC 6266 / 5987), with an ASCII fallback. */
export function attachment(fileName: string, asciiFallback: string): string {
  // RFC 5987 attr-char excludes ' ( ) *, which encodeURIComponent leaves as they are.
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}
