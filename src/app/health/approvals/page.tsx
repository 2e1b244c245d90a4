import { forbidden } from "next/navigation";
import { ApprovalsPage } from "@/components/approvals/approvals-page";
import { requirePortal } from "@/server/pages/guards";
import { hasCapability } from "@/server/authz/matrix";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.approvals);

export default async function Page() {
  const actor = await requirePortal("health");
  if (!hasCapability(actor.role, "accounts.approve.health") || actor.scope.kind !== "REGION") forbidden();
  return <ApprovalsPage portal="health" />;
}
