import type { NextRequest } from "next/server";
import { getJournalClasses } from "@/server/http/api-v1/endpoints";

export const dynamic = "force-dynamic";

export function GET(req: NextRequest) {
  return getJournalClasses(req);
}
