// Signed-in HTTP clients for the benchmarks: a session minted for a demo
// account (as the sign-in would issue it) and a tRPC client over plain HTTP,
// configured like the browser's (superjson, same transport).
import { createTRPCClient, httpLink } from "@trpc/client";
import { encode } from "next-auth/jwt";
import superjson from "superjson";
import type { Db } from "../../src/server/db";
import { signedInClaims } from "../../src/server/testing/sessions";
import type { AppRouter } from "../../src/server/trpc/root";

export interface BenchClient {
  trpc: ReturnType<typeof createTRPCClient<AppRouter>>;
  cookie: string;
}

export async function signedInClient(db: Db, baseUrl: string, secret: string, login: string): Promise<BenchClient> {
  // A fully signed-in session row (second factor passed), as the sign-in leaves it.
  const { sessionId } = await signedInClaims(db, login);
  const token = await encode({ token: { sid: sessionId }, secret });
  const cookie = `kt.session=${token}`;
  const trpc = createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${baseUrl}/api/trpc`, transformer: superjson, methodOverride: "POST", headers: () => ({ cookie, origin: baseUrl }) })],
  });
  return { trpc, cookie };
}
