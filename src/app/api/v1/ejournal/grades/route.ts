import type { NextRequest } from "next/server";
import { postJournalGrades } from "@/server/http/api-v1/endpoints";

export const dynamic = "force-dynamic";

export function POST(req: NextRequest) {
  return postJournalGrades(req);
}
