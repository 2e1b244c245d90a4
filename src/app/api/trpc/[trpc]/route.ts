import type { NextRequest } from "next/server";
import { handleTrpc } from "@/server/http/trpc-handler";

export const dynamic = "force-dynamic";

function handler(req: NextRequest) {
  return handleTrpc(req);
}

// GET is answered too, with a 405 from the transport rules, rather than Next's bare one.
export { handler as GET, handler as POST };
