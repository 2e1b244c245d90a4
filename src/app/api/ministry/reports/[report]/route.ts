import type { NextRequest } from "next/server";
import { handleReportExport } from "@/server/http/report-files";

export const dynamic = "force-dynamic";

export async function GET(req: NextRequest, { params }: { params: Promise<{ report: string }> }) {
  return handleReportExport(req, (await params).report);
}
