// Through the one door (src/server/http/route-door.ts): Sec-Fetch-Site, session, role.
import { residentTemplate } from "@/server/http/resident-files";

export const dynamic = "force-dynamic";

export const GET = residentTemplate;
