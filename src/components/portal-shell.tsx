// Shared layout of every portal: header, navigation, account menu.
import Link from "next/link";
import type { ReactNode } from "react";
import type { Actor } from "@/server/auth/actor";
import { hasCapability, type Capability, type Portal } from "@/server/authz/matrix";
import { getServerMessages } from "@/server/i18n";
import type { Messages } from "@/lib/i18n";
import { LanguageSwitch } from "./language-switch";
import { SignOutButton } from "./sign-out-button";

interface NavItem {
  href: string;
  label: (m: Messages) => string;
  capability?: Capability;
}

const NAV: Record<Portal, NavItem[]> = {
  school: [
    { href: "/school", label: (m) => m.nav.home },
    { href: "/school/learners", label: (m) => m.nav.learners },
    { href: "/school/classes", label: (m) => m.programmes.nav },
    { href: "/school/transfers", label: (m) => m.transfers.nav, capability: "movement.write" },
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
  const items = NAV[actor.portal].filter((i) => !i.capability || hasCapability(actor.role, i.capability));
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href={`/${actor.portal}`} className="font-bold text-brand-900">
            {m.app.name}
          </Link>
          <span className="text-sm text-slate-500" data-testid="portal-title">
            {m.portals[actor.portal]}
          </span>
          <nav aria-label="main" className="flex gap-4">
            {items.map((item) => (
              <Link key={item.href} href={item.href} className="text-sm text-slate-700 hover:text-brand-600">
                {item.label(m)}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-4" aria-label={m.account.menu}>
            <LanguageSwitch />
            <div className="text-right text-sm leading-tight" data-testid="account">
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
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </div>
  );
}
