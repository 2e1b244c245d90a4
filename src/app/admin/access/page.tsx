import { Suspense } from "react";
import { requireCapability } from "@/server/pages/guards";
import { getServerMessages } from "@/server/i18n";
import { LearnerAccessPage } from "./learner-access-page";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.learnerAccess);

export default async function AdminLearnerAccess() {
  await requireCapability("admin", "audit.read");
  const m = await getServerMessages();
  return (
    <Suspense fallback={<p className="text-slate-500">{m.common.loading}</p>}>
      <LearnerAccessPage />
    </Suspense>
  );
}
