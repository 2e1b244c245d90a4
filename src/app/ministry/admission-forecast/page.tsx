import { forbidden } from "next/navigation";
import { AdmissionForecastPage } from "@/components/children-account/admission-forecast-page";
import { canManageChildrenAccount, permits } from "@/server/authz/permissions";
import { requirePortal } from "@/server/pages/guards";
import { pageTitle } from "@/server/pages/page-title";
import { defaultForecastYear } from "@/server/services/children-account/forecast";

export const generateMetadata = pageTitle((t) => t.admissionForecast);

export default async function Page() {
  // The same named check as childrenAccount.forecast and the XLSX door.
  const actor = await requirePortal("ministry");
  if (!permits(canManageChildrenAccount, actor)) forbidden();
  return <AdmissionForecastPage chooseMunicipality={actor.scope.kind === "REGION"} defaultYear={defaultForecastYear()} />;
}
