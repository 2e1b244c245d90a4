// Through the one door (src/server/http/route-door.ts): Sec-Fetch-Site, session, role.
import { giaTemplate } from "@/server/http/gia-import-files";

export const dynamic = "force-dynamic";

export const GET = giaTemplate;
