import { requireCapability } from "@/server/auth/current-actor";
import { RolloverPage } from "./rollover-page";

export default async function SchoolRollover() {
  await requireCapability("school", "movement.write");
  return <RolloverPage />;
}
