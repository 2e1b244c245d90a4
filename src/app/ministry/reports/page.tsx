import { ReportsPage } from "@/components/reports/reports-page";
import { requireCapability } from "@/server/pages/guards";

export default async function MinistryReports() {
  await requireCapability("ministry", "reports.read");
  return <ReportsPage />;
}
