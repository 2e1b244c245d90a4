import { requireActor } from "@/server/pages/guards";
import { requiresSecondFactor } from "@/server/authz/matrix";
import { getServerMessages } from "@/server/i18n";
import { ChangePasswordForm } from "./change-password-form";
import { SecondFactorSection } from "./second-factor-section";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.account);

export default async function AccountPage() {
  const actor = await requireActor();
  const m = await getServerMessages();
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-2xl font-semibold">{m.accountPage.title}</h1>
      <p className="text-sm text-slate-600">
        {actor.fullName} · {m.roles[actor.role]} · {actor.login}
      </p>
      <ChangePasswordForm />
      <SecondFactorSection required={requiresSecondFactor(actor.role)} />
    </div>
  );
}
