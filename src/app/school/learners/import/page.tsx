import { requireCapability } from "@/server/pages/guards";
import { ImportPage } from "./import-page";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.learnerImport);

export default async function SchoolLearnersImport() {
  // The route handlers check the same right again on every request.
  await requireCapability("school", "import.run");
  return <ImportPage />;
}
