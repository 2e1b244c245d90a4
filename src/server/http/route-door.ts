// The one door of every session-authenticated route handler under
// src/app/api (uploads and downloads that cannot go through tRPC). Each route
// used to guard itself, and one of them (the import) forgot the Origin check.
// Here, in this order:
//   1. where the request comes from: a state-changing method needs our own
//      Origin (a missing one and `Origin: null` are refused); a download
//      (GET/HEAD) is refused when the browser says another site started it
//      (Sec-Fetch-Site: cross-site or same-site) — checked before the session,
//      so a refused request costs no database read and leaves no audit row;
//   2. the session and the role/scope, with routeActor (rules from the matrix);
//   3. the body, whose answer always leaves with no-store and nosniff;
//   4. errors as `{ error: "<Russian message>" }`: domain errors with their own
//      status, an outage as 503, anything else as a logged 500 without details.
// The route table (route-table.ts) lists every route.ts and the door it goes
// through; a unit test keeps it true.
import type { NextRequest } from "next/server";
import type { Actor } from "../auth/actor";
import type { ScopeKind } from "../authz/matrix";
import type { Db } from "../db";
import { DomainError } from "../errors";
import { fromOwnOrigin, ownOrigin } from "./origin";
import { refusalMessages } from "./refusals";
import { jsonError, routeActor, unexpectedError, type RouteContext } from "./route-actor";


const SAFE_METHODS = new Set(["GET", "HEAD"]);
/** Fetch metadata a browser sends when the user or our own pages started the request. */
const ALLOWED_FETCH_SITES = new Set(["same-origin", "none"]);

/**
 * The refusal for a request another site may have started, or null. A client
 * that sends no fetch metadata at all (older browsers, scripts, curl) passes
 * the download check: Sec-Fetch-Site is a defence the browser adds, and the
 * session cookie is SameSite=Lax, so such a client cannot ride a victim's
 * session from another site anyway.
 */
export function refuseForeignSource(req: Request): Response | null {
  if (!SAFE_METHODS.has(req.method)) {
    // In the sender's language: the upload form shows it as it is (import/upload.ts).
    return fromOwnOrigin(req) ? null : jsonError(403, refusalMessages(req).foreignOrigin(ownOrigin(req)));
  }
  const site = req.headers.get("sec-fetch-site");
  if (site !== null && !ALLOWED_FETCH_SITES.has(site.trim().toLowerCase())) return jsonError(403, refusalMessages(req).crossSiteDownload);
  return null;
}

export interface DoorSpec {
  /** Log tag, e.g. "[export]". */
  tag: string;
  /** The role check: a named check of ../authz/permissions.ts, the one its tRPC procedure uses too. */
  allowed: (actor: Actor) => boolean;
  /** Scope kinds admitted; school files by default. */
  scopes?: readonly ScopeKind[];
}

export type DoorBody<P> = (req: NextRequest, ctx: RouteContext, params: P) => Promise<Response>;

/** A Next route handler (request, { params }) that also takes a database for tests. */
export type DoorHandler<P extends Record<string, string>> = (req: NextRequest, context?: { params: Promise<P> }, db?: Db) => Promise<Response>;

const DOOR = Symbol.for("kontingent.routeDoor");

/** True for a handler made by routeDoor: the route table test asks this of every session route's export. */
export function isDoorHandler(handler: unknown): boolean {
  return typeof handler === "function" && (handler as unknown as Record<symbol, unknown>)[DOOR] === true;
}

const DOMAIN_STATUS: Record<DomainError["code"], number> = { BAD_REQUEST: 400, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

/** Every answer leaves with no-store and nosniff, whatever the body set. */
function sealed(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set("Cache-Control", "no-store");
  headers.set("X-Content-Type-Options", "nosniff");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export function routeDoor<P extends Record<string, string> = Record<string, never>>(spec: DoorSpec, body: DoorBody<P>): DoorHandler<P> {
  const through = async (req: NextRequest, context?: { params: Promise<P> }, db?: Db): Promise<Response> => {
    try {
      const refused = refuseForeignSource(req);
      if (refused) return refused;
      const ctx = await routeActor(req, spec.allowed, db, spec.scopes);
      if (ctx instanceof Response) return ctx;
      const params = ((await context?.params) ?? {}) as P;
      return await body(req, ctx, params);
    } catch (error) {
      // Domain messages are written for people (Russian, no internals).
      if (error instanceof DomainError) return jsonError(DOMAIN_STATUS[error.code], error.message);
      return unexpectedError(spec.tag, error);
    }
  };
  const handler: DoorHandler<P> = async (req, context, db) => sealed(await through(req, context, db));
  Object.defineProperty(handler, DOOR, { value: true });
  return handler;
}
