// Through the one door (src/server/http/route-door.ts): no cross-site download, session, role.
import { learnerTemplate } from "@/server/http/learner-files";

export const dynamic = "force-dynamic";

export const GET = learnerTemplate;
