// Through the one door (src/server/http/route-door.ts): own Origin, session, role.
import { residentImport } from "@/server/http/resident-files";

export const dynamic = "force-dynamic";

export const POST = residentImport;
