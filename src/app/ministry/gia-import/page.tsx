import { forbidden } from "next/navigation";
import { GiaImportPage } from "@/components/gia-import/gia-import-page";
import { canImportGiaResults, permits } from "@/server/authz/permissions";
import { requirePortal } from "@/server/pages/guards";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.giaImport);

export default async function MinistryGiaImport() {
  // The route handlers check the same named rule again on every request.
  const actor = await requirePortal("ministry");
  if (!permits(canImportGiaResults, actor)) forbidden();
  return <GiaImportPage municipal={actor.scope.kind === "MUNICIPALITY"} />;
}
