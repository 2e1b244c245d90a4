import { MinistryDashboard } from "@/components/dashboard/dashboard";
import { requirePortal } from "@/server/pages/guards";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.ministryHome);

export default async function Page() {
  await requirePortal("ministry");
  return <MinistryDashboard />;
}
