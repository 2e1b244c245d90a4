import type { NextRequest } from "next/server";
import { handleImport } from "@/server/http/learner-files";

export const dynamic = "force-dynamic";

export function POST(req: NextRequest) {
  return handleImport(req);
}
