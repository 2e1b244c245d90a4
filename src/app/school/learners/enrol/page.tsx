import { requireCapability } from "@/server/pages/guards";
import { EnrolPage } from "./enrol-page";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.learnerEnrol);

export default async function SchoolLearnersEnrol() {
  // movement.enrolExisting checks the same right again.
  await requireCapability("school", "movement.write");
  return <EnrolPage />;
}
