import { requireCapability } from "@/server/pages/guards";
import { RolloverPage } from "./rollover-page";

export default async function SchoolRollover() {
  await requireCapability("school", "movement.write");
  return <RolloverPage />;
}
