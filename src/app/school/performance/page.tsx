import { forbidden } from "next/navigation";
import { ClassPerformanceView } from "@/components/performance/class-performance";
import { canReadClassPerformance, permits } from "@/server/authz/permissions";
import { requirePortal } from "@/server/pages/guards";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.schoolPerformance);

export default async function Page() {
  const actor = await requirePortal("school");
  // The same named check as school.performance.*: staff who may read the marks of the learners their school holds.
  if (!permits(canReadClassPerformance, actor)) forbidden();
  return <ClassPerformanceView />;
}
