import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { ResidentImportPage } from "@/components/residents/import-page";
import { canManageChildrenAccount, permits } from "@/server/authz/permissions";
import { getServerMessages } from "@/server/i18n";
import { requirePortal } from "@/server/pages/guards";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getServerMessages()).residents.importTitle };
}

export default async function MinistryChildrenImport() {
  // The route handlers check the same named rule again on every request.
  const actor = await requirePortal("ministry");
  if (!permits(canManageChildrenAccount, actor)) forbidden();
  return <ResidentImportPage municipal={actor.scope.kind === "MUNICIPALITY"} />;
}
