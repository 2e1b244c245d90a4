import { Suspense } from "react";
import { requireCapability } from "@/server/pages/guards";
import { hasCapability } from "@/server/authz/matrix";
import { getServerMessages } from "@/server/i18n";
import { VerificationPage } from "./verification-page";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.verification);

export default async function AdminVerification() {
  const actor = await requireCapability("admin", "auditVerification.read");
  const m = await getServerMessages();
  return (
    <Suspense fallback={<p className="text-slate-500">{m.common.loading}</p>}>
      <VerificationPage canRun={hasCapability(actor.role, "audit.read")} />
    </Suspense>
  );
}
