import { requireCapability } from "@/server/pages/guards";
import { RolloverPage } from "./rollover-page";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.rollover);

export default async function SchoolRollover() {
  await requireCapability("school", "movement.write");
  return <RolloverPage />;
}
