import type { NextRequest } from "next/server";
import { handleExport } from "@/server/http/learner-files";

export const dynamic = "force-dynamic";

// POST carries the name/SNILS search in the body (the list page's export form);
// GET serves the other filters, which are safe to share as a link.
export function GET(req: NextRequest) {
  return handleExport(req);
}

export function POST(req: NextRequest) {
  return handleExport(req);
}
