import { Suspense } from "react";
import { requireCapability } from "@/server/pages/guards";
import { getServerMessages } from "@/server/i18n";
import { AuditPage } from "./audit-page";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.audit);

export default async function AdminAudit() {
  await requireCapability("admin", "audit.read");
  const m = await getServerMessages();
  // useSearchParams in the client page needs a Suspense boundary.
  return (
    <Suspense fallback={<p className="text-slate-500">{m.common.loading}</p>}>
      <AuditPage />
    </Suspense>
  );
}
