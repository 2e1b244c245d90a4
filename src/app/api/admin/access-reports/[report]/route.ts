// Through the one door (src/server/http/route-door.ts): no cross-site download, session, role.
import { accessReportExport } from "@/server/http/access-report-files";

export const dynamic = "force-dynamic";

export const GET = accessReportExport;
