import type { NextRequest } from "next/server";
import { handleAccessReportExport } from "@/server/http/access-report-files";

export const dynamic = "force-dynamic";

export async function GET(req: NextRequest, { params }: { params: Promise<{ report: string }> }) {
  return handleAccessReportExport(req, (await params).report);
}
