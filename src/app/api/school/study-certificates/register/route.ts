// Through the one door (src/server/http/route-door.ts): no cross-site download, session, role.
import { studyCertificateRegisterXlsx } from "@/server/http/study-certificate-files";

export const dynamic = "force-dynamic";

export const GET = studyCertificateRegisterXlsx;
