import { SchoolQuality } from "@/components/quality/school-quality";
import { requirePortal } from "@/server/auth/current-actor";

export default async function Page() {
  await requirePortal("school");
  return <SchoolQuality />;
}
