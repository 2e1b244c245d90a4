// Through the one door (src/server/http/route-door.ts): own Origin, session, role.
import { learnerImport } from "@/server/http/learner-files";

export const dynamic = "force-dynamic";

export const POST = learnerImport;
