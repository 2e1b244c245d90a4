import { requirePortal } from "@/server/auth/current-actor";
import { HealthHome } from "./health-home";

export default async function Page() {
  await requirePortal("health");
  return <HealthHome />;
}
