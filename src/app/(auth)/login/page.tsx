import { redirect } from "next/navigation";
import { LanguageSwitch } from "@/components/language-switch";
import { LowVisionSwitch } from "@/components/shell/low-vision-switch";
import { lowVisionRequested } from "@/server/pages/low-vision";
import { getCurrentSession, pendingStepPath } from "@/server/pages/guards";
import { getServerMessages } from "@/server/i18n";
import { LoginForm } from "./login-form";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.login);

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  const state = await getCurrentSession();
  const { error } = await searchParams;
  if (state) redirect(pendingStepPath(state) ?? `/${state.actor.portal}`);
  const m = await getServerMessages();
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <div className="text-3xl font-bold text-brand-900">{m.app.name}</div>
          <div className="mt-1 text-sm text-slate-600">{m.app.fullName}</div>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-xl font-semibold">{m.login.title}</h1>
          <LoginForm errorCode={typeof error === "string" ? error : undefined} />
        </div>
        <p className="mt-4 text-center text-xs text-slate-500">{m.login.closedSystem}</p>
        <div className="mt-2 flex flex-wrap justify-center gap-x-4 gap-y-2">
          <LanguageSwitch />
          <LowVisionSwitch initial={await lowVisionRequested()} />
        </div>
      </div>
    </main>
  );
}
