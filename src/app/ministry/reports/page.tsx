import { ReportsPage } from "@/components/reports/reports-page";
import { requireCapability } from "@/server/auth/current-actor";

export default async function MinistryReports() {
  await requireCapability("ministry", "reports.read");
  return <ReportsPage />;
}
