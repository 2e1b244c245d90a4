import { forbidden } from "next/navigation";
import { HealthDashboard } from "@/components/health-stats/health-dashboard";
import { requirePortal } from "@/server/pages/guards";
import { canReadHealthAggregates } from "@/server/authz/permissions";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.healthStats);

export default async function Page() {
  const actor = await requirePortal("ministry");
  if (!canReadHealthAggregates(actor)) forbidden();
  return <HealthDashboard portal="ministry" />;
}
