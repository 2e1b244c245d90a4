import { HealthDashboard } from "@/components/health-stats/health-dashboard";
import { requirePortal } from "@/server/pages/guards";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.healthStats);

export default async function Page() {
  await requirePortal("health");
  return <HealthDashboard portal="health" />;
}
