import { forbidden } from "next/navigation";
import { GiaResultsPage } from "@/components/gia-results/gia-results-page";
import { canReadGiaResults, permits } from "@/server/authz/permissions";
import { requirePortal } from "@/server/pages/guards";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.giaResults);

export default async function Page() {
  // The same named check as ministry.gia.results and the file export.
  const actor = await requirePortal("ministry");
  if (!permits(canReadGiaResults, actor)) forbidden();
  return <GiaResultsPage />;
}
