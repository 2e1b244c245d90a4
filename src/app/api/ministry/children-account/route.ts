// The municipal account of children's XLSX (a list, or the admission forecast), through the one door (src/server/http/route-door.ts).
import { childrenAccountExport } from "@/server/http/children-account-files";

export const dynamic = "force-dynamic";

export const GET = childrenAccountExport;
