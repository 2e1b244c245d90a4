// The whole HTTP path of a tRPC call: transport rules, then tRPC. Kept out of
// src/app so integration tests can call it with a test database.
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getErrorShape, transformTRPCResponse } from "@trpc/server/unstable-core-do-not-import";
import type { NextRequest } from "next/server";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n";
import { clientIp } from "../auth/request-meta";
import { readSessionClaims } from "../auth/session";
import { getDb, type Db } from "../db";
import type { Context } from "../trpc/init";
import { appRouter } from "../trpc/root";
import { requestLocale } from "./refusals";
import { API_RESPONSE_HEADERS } from "./security-headers";
import { checkTrpcTransport, MAX_BATCH, trpcPaths, type TransportRefusal } from "./trpc-transport";

export async function handleTrpc(req: NextRequest, db?: Db): Promise<Response> {
  const refused = checkTrpcTransport(req);
  if (refused) return trpcRefusal(req, refused);
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    // Queries arrive as POST (see trpc-transport.ts); the batch cap is checked
    // there first, with a clear message, and here again as a backstop.
    allowMethodOverride: true,
    maxBatchSize: MAX_BATCH,
    createContext: async () => ({
      db: db ?? (await getDb()),
      claims: await readSessionClaims(req.cookies),
      ip: clientIp(req.headers),
      locale: toLocale(req.cookies.get(LOCALE_COOKIE)?.value),
    }),
    responseMeta() {
      // Answers may carry personal data: never cache them anywhere.
      return { headers: new Headers(API_RESPONSE_HEADERS) };
    },
  });
}

/**
 * A transport refusal as tRPC itself answers an error (the error formatter's
 * shape, superjson-encoded; one entry per call of a batch), so the browser's
 * tRPC client reads it and the page shows the reason.
 */
export function trpcRefusal(req: Request, refusal: TransportRefusal): Response {
  const config = appRouter._def._config;
  const error = new TRPCError({ code: refusal.code, message: refusal.message });
  // The formatter reads only the language from the context: no session or database is opened for a refusal.
  const ctx = { locale: requestLocale(req) } as Context;
  const item = (path: string) => transformTRPCResponse(config, { error: getErrorShape({ config, error, type: "unknown", path, input: undefined, ctx }) });
  const batch = new URL(req.url).searchParams.get("batch") === "1";
  const paths = trpcPaths(req);
  return Response.json(batch ? paths.map(item) : item(paths[0] ?? ""), {
    status: refusal.status,
    headers: { ...API_RESPONSE_HEADERS, ...refusal.headers },
  });
}
