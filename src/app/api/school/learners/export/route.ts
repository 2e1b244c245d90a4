// Through the one door (src/server/http/route-door.ts): no cross-site GET,
// own Origin on POST, then session and role.
import { learnerExport } from "@/server/http/learner-files";

export const dynamic = "force-dynamic";

// POST carries the name/SNILS search in the body (the list page's export form);
// GET serves the other filters, which are safe to share as a link.
export const GET = learnerExport;
export const POST = learnerExport;
