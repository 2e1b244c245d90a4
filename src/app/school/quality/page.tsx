import { SchoolQuality } from "@/components/quality/school-quality";
import { requirePortal } from "@/server/pages/guards";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.quality);

export default async function Page() {
  await requirePortal("school");
  return <SchoolQuality />;
}
