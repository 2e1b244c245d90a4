// The ГИА results' XLSX/PDF, through the one door (src/server/http/route-door.ts): no cross-site download, session, role.
import { giaResultsExport } from "@/server/http/report-files";

export const dynamic = "force-dynamic";

export const GET = giaResultsExport;
