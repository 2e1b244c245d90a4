import { requireCapability } from "@/server/pages/guards";
import { MovementPage } from "./movement-page";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.movement);

export default async function MinistryMovement() {
  await requireCapability("ministry", "transfers.oversee");
  return <MovementPage />;
}
