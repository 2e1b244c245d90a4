// Through the one door (src/server/http/route-door.ts): own Origin, session, role.
import { giaImport } from "@/server/http/gia-import-files";

export const dynamic = "force-dynamic";

export const POST = giaImport;
