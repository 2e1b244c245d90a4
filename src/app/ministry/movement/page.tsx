import { requireCapability } from "@/server/pages/guards";
import { MovementPage } from "./movement-page";

export default async function MinistryMovement() {
  await requireCapability("ministry", "transfers.oversee");
  return <MovementPage />;
}
