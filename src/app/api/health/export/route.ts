// Through the one door (src/server/http/route-door.ts): no cross-site download, session, role.
import { healthExport } from "@/server/http/health-files";

export const dynamic = "force-dynamic";

export const GET = healthExport;
