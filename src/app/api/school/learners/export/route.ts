import type { NextRequest } from "next/server";
import { handleExport } from "@/server/http/learner-files";

export const dynamic = "force-dynamic";

export function GET(req: NextRequest) {
  return handleExport(req);
}
