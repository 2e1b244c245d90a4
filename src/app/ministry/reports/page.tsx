import { ReportsPage } from "@/components/reports/reports-page";
import { requireCapability } from "@/server/pages/guards";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.reports);

export default async function MinistryReports() {
  await requireCapability("ministry", "reports.read");
  return <ReportsPage />;
}
