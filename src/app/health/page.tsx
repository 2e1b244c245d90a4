import { HealthDashboard } from "@/components/health-stats/health-dashboard";
import { requirePortal } from "@/server/pages/guards";

export default async function Page() {
  await requirePortal("health");
  return <HealthDashboard portal="health" />;
}
