import { requirePortal } from "@/server/auth/current-actor";
import { OrganisationCard } from "./organisation-card";

export default async function SchoolHome() {
  await requirePortal("school");
  return <OrganisationCard />;
}
