import { currentAcademicYear } from "@/lib/schemas/programme";
import { requirePortal } from "@/server/pages/guards";
import { hasCapability } from "@/server/authz/matrix";
import { serverEnv } from "@/server/env";
import { ClassesPage } from "./classes-page";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.classes);

export default async function SchoolClasses() {
  const actor = await requirePortal("school");
  // Only hides the buttons: the procedures refuse a writer without the right anyway.
  const canWrite = hasCapability(actor.role, "movement.write");
  // Decided on the server, in the region's time zone, so the first render and the browser agree.
  const currentYear = currentAcademicYear(new Date(), serverEnv().KONTINGENT_TIME_ZONE);
  return <ClassesPage canWrite={canWrite} currentYear={currentYear} />;
}
