import { requireCapability } from "@/server/auth/current-actor";
import { EnrolPage } from "./enrol-page";

export default async function SchoolLearnersEnrol() {
  // movement.enrolExisting checks the same right again.
  await requireCapability("school", "movement.write");
  return <EnrolPage />;
}
