import { redirect } from "next/navigation";
import { AuthCard } from "@/components/account/auth-card";
import { getCurrentSession, pendingStepPath } from "@/server/pages/guards";
import { getServerMessages } from "@/server/i18n";
import { SecondFactorForm } from "./second-factor-form";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.secondFactor);

export const dynamic = "force-dynamic";

export default async function SecondFactorPage() {
  const state = await getCurrentSession();
  if (!state) redirect("/login");
  if (state.gate !== "second_factor") redirect(pendingStepPath(state) ?? `/${state.actor.portal}`);
  const m = await getServerMessages();
  return (
    <AuthCard m={m} title={m.secondFactor.title}>
      <SecondFactorForm />
    </AuthCard>
  );
}
