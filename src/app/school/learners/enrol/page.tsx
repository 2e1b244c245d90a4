import { requireCapability } from "@/server/pages/guards";
import { EnrolPage } from "./enrol-page";

export default async function SchoolLearnersEnrol() {
  // movement.enrolExisting checks the same right again.
  await requireCapability("school", "movement.write");
  return <EnrolPage />;
}
