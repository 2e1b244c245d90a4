import { forbidden } from "next/navigation";
import { ApprovalsPage } from "@/components/approvals/approvals-page";
import { requirePortal } from "@/server/pages/guards";
import { hasCapability } from "@/server/authz/matrix";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.approvals);

export default async function Page() {
  const actor = await requirePortal("ministry");
  // The decision is the region's: a municipal officer gets the 403 page, as its API calls get FORBIDDEN.
  if (!hasCapability(actor.role, "accounts.approve.education") || actor.scope.kind !== "REGION") forbidden();
  return <ApprovalsPage portal="ministry" />;
}
