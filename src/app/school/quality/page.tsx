import { SchoolQuality } from "@/components/quality/school-quality";
import { requirePortal } from "@/server/pages/guards";

export default async function Page() {
  await requirePortal("school");
  return <SchoolQuality />;
}
