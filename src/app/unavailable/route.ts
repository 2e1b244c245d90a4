// The 503 page of a database outage (see src/server/http/unavailable-page.ts):
// no session, no data, nothing read from the database.
import { unavailablePage } from "@/server/http/unavailable-page";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return unavailablePage(req);
}
