import { requirePortal } from "@/server/pages/guards";
import { OrganisationCard } from "./organisation-card";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.schoolHome);

export default async function SchoolHome() {
  await requirePortal("school");
  return <OrganisationCard />;
}
