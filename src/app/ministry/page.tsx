import { MinistryDashboard } from "@/components/dashboard/dashboard";
import { requirePortal } from "@/server/pages/guards";

export default async function Page() {
  await requirePortal("ministry");
  return <MinistryDashboard />;
}
