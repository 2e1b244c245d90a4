import { forbidden } from "next/navigation";
import { MinistryQuality } from "@/components/quality/ministry-quality";
import { requirePortal } from "@/server/pages/guards";
import { canReadQualityOverview } from "@/server/authz/permissions";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.quality);

export default async function Page() {
  const actor = await requirePortal("ministry");
  if (!canReadQualityOverview(actor)) forbidden();
  return <MinistryQuality />;
}
