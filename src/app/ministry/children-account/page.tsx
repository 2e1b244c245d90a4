import { forbidden } from "next/navigation";
import { ChildrenAccountPage } from "@/components/children-account/children-account-page";
import { canManageChildrenAccount, permits } from "@/server/authz/permissions";
import { requirePortal } from "@/server/pages/guards";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.childrenAccount);

export default async function Page() {
  // The same named check as the childrenAccount procedures and the XLSX door.
  const actor = await requirePortal("ministry");
  if (!permits(canManageChildrenAccount, actor)) forbidden();
  return <ChildrenAccountPage chooseMunicipality={actor.scope.kind === "REGION"} />;
}
