import { redirect } from "next/navigation";
import { AuthCard } from "@/components/account/auth-card";
import { TotpEnrolment } from "@/components/account/totp-enrolment";
import { getCurrentSession, pendingStepPath } from "@/server/pages/guards";
import { getServerMessages } from "@/server/i18n";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.enrolSecondFactor);

export const dynamic = "force-dynamic";

/** Mandatory enrolment: a regional role without a second factor lands here, and nowhere else. */
export default async function EnrolPage() {
  const state = await getCurrentSession();
  if (!state) redirect("/login");
  if (state.gate !== "enrol") redirect(pendingStepPath(state) ?? `/${state.actor.portal}`);
  const m = await getServerMessages();
  return (
    <AuthCard m={m} title={m.enrol.title} wide>
      <TotpEnrolment required continueTo="/" />
    </AuthCard>
  );
}
