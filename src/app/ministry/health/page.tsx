import { forbidden } from "next/navigation";
import { HealthDashboard } from "@/components/health-stats/health-dashboard";
import { requirePortal } from "@/server/pages/guards";
import { allowsStage } from "@/server/authz/matrix";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.healthStats);

export default async function Page() {
  const actor = await requirePortal("ministry");
  if (!allowsStage(actor.role, "HEALTH", "aggregate")) forbidden();
  return <HealthDashboard portal="ministry" />;
}
