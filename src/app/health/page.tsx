import { HealthDashboard } from "@/components/health-stats/health-dashboard";
import { requirePortal } from "@/server/auth/current-actor";

export default async function Page() {
  await requirePortal("health");
  return <HealthDashboard portal="health" />;
}
