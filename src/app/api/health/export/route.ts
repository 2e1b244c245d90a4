import type { NextRequest } from "next/server";
import { handleHealthExport } from "@/server/http/health-files";

export const dynamic = "force-dynamic";

export function GET(req: NextRequest) {
  return handleHealthExport(req);
}
