import { forbidden } from "next/navigation";
import { TerritoryPerformanceView } from "@/components/performance/territory-performance";
import { canReadTerritoryPerformance, permits } from "@/server/authz/permissions";
import { requirePortal } from "@/server/pages/guards";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.ministryPerformance);

export default async function Page() {
  const actor = await requirePortal("ministry");
  // The same named check as ministry.performance.* and its XLSX/PDF route.
  if (!permits(canReadTerritoryPerformance, actor)) forbidden();
  return <TerritoryPerformanceView />;
}
