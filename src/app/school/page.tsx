import { requirePortal } from "@/server/pages/guards";
import { OrganisationCard } from "./organisation-card";

export default async function SchoolHome() {
  await requirePortal("school");
  return <OrganisationCard />;
}
