// Through the one door (src/server/http/route-door.ts): no cross-site GET,
// then session and the ФИС ФРДО export check.
import { frdoExport } from "@/server/http/frdo-files";

export const dynamic = "force-dynamic";

export const GET = frdoExport;
