// Through the one door (src/server/http/route-door.ts): no cross-site download, session, role.
import { studyCertificatePdf } from "@/server/http/study-certificate-files";

export const dynamic = "force-dynamic";

export const GET = studyCertificatePdf;
