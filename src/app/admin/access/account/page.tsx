import { Suspense } from "react";
import { requireCapability } from "@/server/pages/guards";
import { getServerMessages } from "@/server/i18n";
import { AccountReadsPage } from "./account-reads-page";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.accountReads);

export default async function AdminAccountReads() {
  await requireCapability("admin", "audit.read");
  const m = await getServerMessages();
  return (
    <Suspense fallback={<p className="text-slate-500">{m.common.loading}</p>}>
      <AccountReadsPage />
    </Suspense>
  );
}
