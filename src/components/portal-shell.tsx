// Shared layout of every portal: skip link, header (collapsing into a menu on
// narrow screens), navigation with the current section marked, account menu.
// Draws what portalShellProps (src/server/pages/portal-shell-props.ts) assembled.
import Link from "next/link";
import type { ReactNode } from "react";
import type { PortalShellProps } from "@/server/pages/portal-shell-props";
import { LanguageSwitch } from "./language-switch";
import { SignOutButton } from "./sign-out-button";
import { HeaderMenu } from "./shell/header-menu";
import { LowVisionSwitch } from "./shell/low-vision-switch";
import { NavLinks } from "./shell/nav-links";
import { MAIN_ID, SkipLink } from "./shell/skip-link";

export function PortalShell({ actor, m, nav, lowVision, children }: PortalShellProps & { children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <SkipLink label={m.shell.skipToMain} />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href={`/${actor.portal}`} className="font-bold text-brand-900">
            {m.app.name}
          </Link>
          <span className="hidden text-sm text-slate-500 sm:inline" data-testid="portal-title">
            {m.portals[actor.portal]}
          </span>
          <HeaderMenu label={m.shell.menu}>
            <nav aria-label={m.shell.sections} className="lg:order-last lg:basis-full">
              <NavLinks items={nav} />
            </nav>
            <div role="group" aria-label={m.account.menu} className="flex flex-wrap items-center gap-x-4 gap-y-3 lg:ml-auto lg:flex-nowrap">
              <LanguageSwitch />
              <LowVisionSwitch initial={lowVision} />
              <div className="text-sm leading-tight lg:text-right" data-testid="account">
                <div className="font-medium">{actor.fullName}</div>
                <div className="text-slate-500">
                  {m.roles[actor.role]} · {actor.login}
                </div>
              </div>
              <Link href="/account" className="text-sm text-slate-700 hover:text-brand-600" data-testid="account-link">
                {m.accountPage.nav}
              </Link>
              <SignOutButton />
            </div>
          </HeaderMenu>
        </div>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 focus:outline-none">
        {children}
      </main>
    </div>
  );
}
