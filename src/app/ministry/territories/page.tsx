import { forbidden } from "next/navigation";
import { TerritoriesPage } from "@/components/territories/territories-page";
import { academicYearOf } from "@/lib/territories/academic-year";
import { regionToday } from "@/lib/time-zone";
import { canManageTerritories, permits } from "@/server/authz/permissions";
import { requirePortal } from "@/server/pages/guards";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.territories);

export default async function Page() {
  // The same named check as the territories procedures that write.
  const actor = await requirePortal("ministry");
  if (!permits(canManageTerritories, actor)) forbidden();
  return <TerritoriesPage regionLevel={actor.scope.kind === "REGION"} currentYear={academicYearOf(regionToday())} />;
}
