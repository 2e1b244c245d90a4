import type { NextRequest } from "next/server";
import { postPublicPerformance } from "@/server/http/api-v1/endpoints";

export const dynamic = "force-dynamic";

export function POST(req: NextRequest) {
  return postPublicPerformance(req);
}
