import { forbidden } from "next/navigation";
import { UnmatchedAddressesPage } from "@/components/learner-addresses/unmatched-addresses-page";
import { canFixLearnerAddresses, permits } from "@/server/authz/permissions";
import { requirePortal } from "@/server/pages/guards";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.learnerAddresses);

export default async function Page() {
  const actor = await requirePortal("school");
  if (!permits(canFixLearnerAddresses, actor)) forbidden();
  return <UnmatchedAddressesPage />;
}
