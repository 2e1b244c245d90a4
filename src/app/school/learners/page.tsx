import { Suspense } from "react";
import { requirePortal } from "@/server/pages/guards";
import { allowsStage } from "@/server/authz/matrix";
import { canExportLearners } from "@/server/authz/permissions";
import { getServerMessages } from "@/server/i18n";
import { LearnersPage } from "./learners-page";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.learners);

export default async function SchoolLearners() {
  const actor = await requirePortal("school");
  const m = await getServerMessages();
  // Only hides the buttons: the procedures refuse a writer without the right anyway.
  const canWrite = allowsStage(actor.role, "PERSONAL", "write");
  const canExport = canExportLearners(actor);
  return (
    <Suspense fallback={<p className="text-slate-500">{m.common.loading}</p>}>
      <LearnersPage canWrite={canWrite} canExport={canExport} />
    </Suspense>
  );
}
