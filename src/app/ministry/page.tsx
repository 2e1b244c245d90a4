import { MinistryDashboard } from "@/components/dashboard/dashboard";
import { requirePortal } from "@/server/auth/current-actor";

export default async function Page() {
  await requirePortal("ministry");
  return <MinistryDashboard />;
}
