import { forbidden } from "next/navigation";
import { FrdoPage } from "@/components/frdo/frdo-page";
import { canExportFrdo } from "@/server/authz/permissions";
import { requirePortal } from "@/server/pages/guards";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.frdo);

export default async function SchoolFrdo() {
  const actor = await requirePortal("school");
  if (!canExportFrdo(actor)) forbidden();
  return <FrdoPage portal="school" />;
}
