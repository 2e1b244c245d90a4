import type { NextRequest } from "next/server";
import { methodNotAllowed } from "@/server/http/api-v1/errors";
import { getFederalChanges } from "@/server/http/api-v1/endpoints";

export const dynamic = "force-dynamic";

export function GET(req: NextRequest) {
  return getFederalChanges(req);
}

// Any other method: 405 in the API's error shape, with Allow (Next's own has an empty body).
const wrongMethod = methodNotAllowed("GET");
export { wrongMethod as POST, wrongMethod as PUT, wrongMethod as PATCH, wrongMethod as DELETE };
