import type { NextRequest } from "next/server";
import { getJournalClassLearners } from "@/server/http/api-v1/endpoints";

export const dynamic = "force-dynamic";

export async function GET(req: NextRequest, { params }: { params: Promise<{ classId: string }> }) {
  return getJournalClassLearners(req, await params);
}
