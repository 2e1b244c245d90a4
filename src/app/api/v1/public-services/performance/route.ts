import type { NextRequest } from "next/server";
import { methodNotAllowed } from "@/server/http/api-v1/errors";
import { postPublicPerformance } from "@/server/http/api-v1/endpoints";

export const dynamic = "force-dynamic";

export function POST(req: NextRequest) {
  return postPublicPerformance(req);
}

// Any other method: 405 in the API's error shape, with Allow (Next's own has an empty body).
const wrongMethod = methodNotAllowed("POST");
export { wrongMethod as GET, wrongMethod as PUT, wrongMethod as PATCH, wrongMethod as DELETE };
