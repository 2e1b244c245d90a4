// Shared layout of every portal: skip link, header (collapsing into a menu on
// narrow screens), navigation with the current section marked, account menu.
import Link from "next/link";
import type { ReactNode } from "react";
import type { Actor } from "@/server/auth/actor";
import { hasCapability, type Capability, type Portal } from "@/server/authz/matrix";
import { getDb } from "@/server/db";
import { getServerMessages } from "@/server/i18n";
import { orUnavailable } from "@/server/pages/guards";
import { lowVisionRequested } from "@/server/pages/low-vision";
import { countPendingIncomingTransfers } from "@/server/services/movement/transfers";
import type { Messages } from "@/lib/i18n";
import { LanguageSwitch } from "./language-switch";
import { SignOutButton } from "./sign-out-button";
import { HeaderMenu } from "./shell/header-menu";
import { LowVisionSwitch } from "./shell/low-vision-switch";
import { NavLinks, type ShellNavItem } from "./shell/nav-links";
import { MAIN_ID, SkipLink } from "./shell/skip-link";

interface NavItem {
  href: string;
  label: (m: Messages) => string;
  capability?: Capability;
  badge?: "incomingTransfers";
}

const NAV: Record<Portal, NavItem[]> = {
  school: [
    { href: "/school", label: (m) => m.nav.home },
    { href: "/school/learners", label: (m) => m.nav.learners },
    { href: "/school/classes", label: (m) => m.programmes.nav },
    { href: "/school/transfers", label: (m) => m.transfers.nav, capability: "movement.write", badge: "incomingTransfers" },
    { href: "/school/rollover", label: (m) => m.rollover.nav, capability: "movement.write" },
    { href: "/school/quality", label: (m) => m.quality.nav },
  ],
  ministry: [
    { href: "/ministry", label: (m) => m.nav.home },
    { href: "/ministry/learners", label: (m) => m.nav.registrySearch },
    { href: "/ministry/organisations", label: (m) => m.organisations.nav, capability: "organisations.manage" },
    { href: "/ministry/movement", label: (m) => m.movementOversight.nav, capability: "transfers.oversee" },
    { href: "/ministry/health", label: (m) => m.healthStats.nav },
    { href: "/ministry/quality", label: (m) => m.quality.nav, capability: "dataQuality.read" },
    { href: "/ministry/reports", label: (m) => m.reports.nav, capability: "reports.read" },
    { href: "/ministry/approvals", label: (m) => m.approvals.nav, capability: "apiClients.approve" },
  ],
  health: [
    { href: "/health", label: (m) => m.nav.home },
    { href: "/health/learners", label: (m) => m.nav.registrySearch },
    { href: "/health/approvals", label: (m) => m.approvals.nav, capability: "accounts.approve.health" },
  ],
  admin: [
    { href: "/admin", label: (m) => m.nav.home },
    { href: "/admin/users", label: (m) => m.nav.users, capability: "users.manage" },
    { href: "/admin/clients", label: (m) => m.apiClients.nav, capability: "apiClients.manage" },
    { href: "/admin/audit", label: (m) => m.nav.audit, capability: "audit.read" },
    { href: "/admin/access", label: (m) => m.accessReports.nav.learnerAccess, capability: "audit.read" },
    { href: "/admin/access/account", label: (m) => m.accessReports.nav.accountReads, capability: "audit.read" },
    { href: "/admin/client-oversight", label: (m) => m.clientOversight.nav, capability: "audit.read" },
    { href: "/admin/verification", label: (m) => m.accessReports.nav.verification, capability: "auditVerification.read" },
  ],
};

export async function PortalShell({ actor, children }: { actor: Actor; children: ReactNode }) {
  const m = await getServerMessages();
  const allowed = NAV[actor.portal].filter((i) => !i.capability || hasCapability(actor.role, i.capability));
  const items = await Promise.all(allowed.map((item) => toShellItem(item, actor, m)));
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
              <NavLinks items={items} />
            </nav>
            <div role="group" aria-label={m.account.menu} className="flex flex-wrap items-center gap-x-4 gap-y-3 lg:ml-auto lg:flex-nowrap">
              <LanguageSwitch />
              <LowVisionSwitch initial={await lowVisionRequested()} />
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

async function toShellItem(item: NavItem, actor: Actor, m: Messages): Promise<ShellNavItem> {
  const label = item.label(m);
  if (item.badge !== "incomingTransfers") return { href: item.href, label };
  // Counted on the server for the caller's own organisation; no badge when nothing waits.
  const count = await orUnavailable(async () => countPendingIncomingTransfers(await getDb(), actor));
  return count > 0 ? { href: item.href, label, badge: { count, accessibleLabel: m.shell.incomingTransfers(label, count) } } : { href: item.href, label };
}
