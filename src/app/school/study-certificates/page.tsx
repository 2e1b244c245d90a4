import { forbidden } from "next/navigation";
import { StudyCertificateRegisterPage } from "@/components/study-certificates/register-page";
import { canIssueStudyCertificates, permits } from "@/server/authz/permissions";
import { requirePortal } from "@/server/pages/guards";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.studyCertificates);

export default async function Page() {
  const actor = await requirePortal("school");
  if (!permits(canIssueStudyCertificates, actor)) forbidden();
  return <StudyCertificateRegisterPage />;
}
