import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { ResidentRegisterPage } from "@/components/residents/register-page";
import { canManageChildrenAccount, permits } from "@/server/authz/permissions";
import { getServerMessages } from "@/server/i18n";
import { requirePortal } from "@/server/pages/guards";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getServerMessages()).residents.title };
}

export default async function MinistryChildren() {
  // The same named check as the residents router and the import's route door.
  const actor = await requirePortal("ministry");
  if (!permits(canManageChildrenAccount, actor)) forbidden();
  return <ResidentRegisterPage municipal={actor.scope.kind === "MUNICIPALITY"} />;
}
