import { requireCapability } from "@/server/auth/current-actor";
import { MovementPage } from "./movement-page";

export default async function MinistryMovement() {
  await requireCapability("ministry", "transfers.oversee");
  return <MovementPage />;
}
