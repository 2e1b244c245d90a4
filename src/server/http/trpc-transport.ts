// Transport rules for /api/trpc, checked before tRPC sees the request:
// - every call is a POST (the browser link sends queries as POST too), so no
//   SNILS or name typed into a search ever lands in a URL or an access log;
//   GET is refused for all procedures, which is simpler to keep true than a
//   list of "personal" inputs;
// - the body is JSON: a cross-site <form> can only send form or text bodies;
// - the Origin is our own: browsers always send it on POST, so a missing one
//   is a non-browser or a stripped request, and is refused too;
// - a batch holds at most MAX_BATCH calls, so one request cannot fan out into
//   hundreds of database reads.
//
// A refusal leaves as a tRPC error (trpc-handler.ts), so the page shows its
// reason instead of "Unable to transform response from server".
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/unstable-core-do-not-import";
import { fromOwnOrigin, ownOrigin } from "./origin";
import { refusalMessages } from "./refusals";

export const MAX_BATCH = 10;

export interface TransportRefusal {
  status: number;
  code: TRPC_ERROR_CODE_KEY;
  /** In the sender's language (refusals.ts). */
  message: string;
  headers?: Record<string, string>;
}

/** The procedure paths a tRPC URL names ("a.b,c.d" in a batch). */
export function trpcPaths(req: Request): string[] {
  return decodeURIComponent(new URL(req.url).pathname.replace(/^.*\/api\/trpc\/?/, "")).split(",");
}

/** Why the request may not go on to tRPC, or null when it may. */
export function checkTrpcTransport(req: Request): TransportRefusal | null {
  const t = refusalMessages(req);
  if (req.method !== "POST") return { status: 405, code: "METHOD_NOT_SUPPORTED", message: t.postOnly, headers: { Allow: "POST" } };
  const contentType = req.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(contentType)) return { status: 415, code: "UNSUPPORTED_MEDIA_TYPE", message: t.jsonOnly };
  if (!fromOwnOrigin(req)) return { status: 403, code: "FORBIDDEN", message: t.foreignOrigin(ownOrigin(req)) };
  if (trpcPaths(req).length > MAX_BATCH) return { status: 400, code: "BAD_REQUEST", message: t.batchTooLarge(MAX_BATCH) };
  return null;
}
