import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { NextRequest } from "next/server";
import { clientIp } from "@/server/auth/request-meta";
import { readSessionClaims } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { appRouter } from "@/server/trpc/root";

export const dynamic = "force-dynamic";

function handler(req: NextRequest) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => ({
      db: await getDb(),
      claims: await readSessionClaims(req.cookies),
      ip: clientIp(req.headers),
    }),
    responseMeta() {
      // Answers may carry personal data: never cache them anywhere.
      return { headers: new Headers({ "Cache-Control": "no-store" }) };
    },
  });
}

export { handler as GET, handler as POST };
