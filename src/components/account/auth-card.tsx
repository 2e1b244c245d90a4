// The centred card of the sign-in pages (password, code, enrolment).
import type { ReactNode } from "react";
import type { Messages } from "@/lib/i18n";
import { LanguageSwitch } from "../language-switch";

/** `m`: the page's messages (the page reads them on the server; a component imports nothing from src/server). */
export function AuthCard({ m, title, wide, children }: { m: Messages; title: string; wide?: boolean; children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-8">
      <div className={`w-full ${wide ? "max-w-lg" : "max-w-sm"}`}>
        <div className="mb-6 text-center">
          <div className="text-3xl font-bold text-brand-900">{m.app.name}</div>
          <div className="mt-1 text-sm text-slate-600">{m.app.fullName}</div>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-xl font-semibold">{title}</h1>
          {children}
        </div>
        <div className="mt-4 text-center">
          <LanguageSwitch />
        </div>
      </div>
    </main>
  );
}
