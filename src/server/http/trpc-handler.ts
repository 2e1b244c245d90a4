// The whole HTTP path of a tRPC call: transport rules, then tRPC. Kept out of
// src/app so integration tests can call it with a test database.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { NextRequest } from "next/server";
import { clientIp } from "../auth/request-meta";
import { readSessionClaims } from "../auth/session";
import { getDb, type Db } from "../db";
import { appRouter } from "../trpc/root";
import { API_RESPONSE_HEADERS } from "./security-headers";
import { checkTrpcTransport, MAX_BATCH } from "./trpc-transport";

export async function handleTrpc(req: NextRequest, db?: Db): Promise<Response> {
  const refused = checkTrpcTransport(req);
  if (refused) return refused;
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
    }),
    responseMeta() {
      // Answers may carry personal data: never cache them anywhere.
      return { headers: new Headers(API_RESPONSE_HEADERS) };
    },
  });
}
