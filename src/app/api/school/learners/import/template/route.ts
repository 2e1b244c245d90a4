import type { NextRequest } from "next/server";
import { handleTemplate } from "@/server/http/learner-files";

export const dynamic = "force-dynamic";

export function GET(req: NextRequest) {
  return handleTemplate(req);
}
