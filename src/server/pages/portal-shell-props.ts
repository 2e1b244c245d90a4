// What the portal shell shows for one account, assembled on the server: the
// portal's sections the role may open (capabilities from the access matrix),
// the incoming-transfers badge, the messages and the low-vision choice. The
// shell itself (src/components/portal-shell.tsx) only draws them, so
// src/components imports nothing from src/server.
import type { ShellNavItem } from "@/components/shell/nav-links";
import type { Messages } from "@/lib/i18n";
import type { Actor } from "../auth/actor";
import { hasCapability, type Capability, type Portal } from "../authz/matrix";
import {
  canExportFrdo,
  canFixLearnerAddresses,
  canImportGiaResults,
  canManageChildrenAccount,
  canIssueStudyCertificates,
  canManageReferenceData,
  canManageTerritories,
  canReadClassPerformance,
  canReadTerritoryPerformance,
  permits,
  type Permission,
} from "../authz/permissions";
import { getDb } from "../db";
import { getServerMessages } from "../i18n";
import { countPendingIncomingTransfers } from "../services/movement/transfers";
import { countUnmatchedAddresses } from "../services/learner-addresses/school-addresses";
import { orUnavailable } from "./guards";
import { lowVisionRequested } from "./low-vision";

interface NavItem {
  href: string;
  label: (m: Messages) => string;
  capability?: Capability;
  /** A named check of ../authz/permissions.ts, for a section no single capability opens. */
  permission?: Permission;
  badge?: "incomingTransfers" | "unmatchedAddresses";
}

const NAV: Record<Portal, NavItem[]> = {
  school: [
    { href: "/school", label: (m) => m.nav.home },
    { href: "/school/learners", label: (m) => m.nav.learners },
    { href: "/school/classes", label: (m) => m.programmes.nav },
    { href: "/school/transfers", label: (m) => m.transfers.nav, capability: "movement.write", badge: "incomingTransfers" },
    { href: "/school/rollover", label: (m) => m.rollover.nav, capability: "movement.write" },
    { href: "/school/quality", label: (m) => m.quality.nav },
    { href: "/school/performance", label: (m) => m.performance.nav, permission: canReadClassPerformance },
    { href: "/school/frdo", label: (m) => m.frdo.nav, permission: canExportFrdo },
    { href: "/school/study-certificates", label: (m) => m.studyCertificates.nav, permission: canIssueStudyCertificates },
    { href: "/school/addresses", label: (m) => m.learnerAddresses.nav, permission: canFixLearnerAddresses, badge: "unmatchedAddresses" },
  ],
  ministry: [
    { href: "/ministry", label: (m) => m.nav.home },
    { href: "/ministry/learners", label: (m) => m.nav.registrySearch },
    { href: "/ministry/organisations", label: (m) => m.organisations.nav, capability: "organisations.manage" },
    { href: "/ministry/movement", label: (m) => m.movementOversight.nav, capability: "transfers.oversee" },
    { href: "/ministry/health", label: (m) => m.healthStats.nav },
    { href: "/ministry/quality", label: (m) => m.quality.nav, capability: "dataQuality.read" },
    { href: "/ministry/subjects", label: (m) => m.subjects.nav, permission: canManageReferenceData },
    { href: "/ministry/territories", label: (m) => m.territories.nav, permission: canManageTerritories },
    { href: "/ministry/gia-import", label: (m) => m.giaImport.nav, permission: canImportGiaResults },
    { href: "/ministry/children", label: (m) => m.residents.nav, permission: canManageChildrenAccount },
    { href: "/ministry/children-account", label: (m) => m.childrenAccount.nav, permission: canManageChildrenAccount },
    { href: "/ministry/admission-forecast", label: (m) => m.admissionForecast.nav, permission: canManageChildrenAccount },
    { href: "/ministry/reports", label: (m) => m.reports.nav, capability: "reports.read" },
    { href: "/ministry/performance", label: (m) => m.performance.nav, permission: canReadTerritoryPerformance },
    { href: "/ministry/frdo", label: (m) => m.frdo.nav, permission: canExportFrdo },
    { href: "/ministry/gia", label: (m) => m.giaResults.nav, capability: "reports.read" },
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

export interface PortalShellProps {
  actor: Actor;
  m: Messages;
  nav: ShellNavItem[];
  lowVision: boolean;
}

export async function portalShellProps(actor: Actor): Promise<PortalShellProps> {
  const m = await getServerMessages();
  const allowed = NAV[actor.portal].filter((i) => (!i.capability || hasCapability(actor.role, i.capability)) && (!i.permission || permits(i.permission, actor)));
  const nav = await Promise.all(allowed.map((item) => toShellItem(item, actor, m)));
  return { actor, m, nav, lowVision: await lowVisionRequested() };
}

async function toShellItem(item: NavItem, actor: Actor, m: Messages): Promise<ShellNavItem> {
  const label = item.label(m);
  if (item.badge === "unmatchedAddresses") {
    // A count only (no names): the school's held learners' addresses not found to a house.
    const count = await orUnavailable(async () => countUnmatchedAddresses(await getDb(), actor));
    return count > 0 ? { href: item.href, label, badge: { count, accessibleLabel: m.learnerAddresses.badge(label, count) } } : { href: item.href, label };
  }
  if (item.badge !== "incomingTransfers") return { href: item.href, label };
  // Counted on the server for the caller's own organisation; no badge when nothing waits.
  const count = await orUnavailable(async () => countPendingIncomingTransfers(await getDb(), actor));
  return count > 0 ? { href: item.href, label, badge: { count, accessibleLabel: m.shell.incomingTransfers(label, count) } } : { href: item.href, label };
}
