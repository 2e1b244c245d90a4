import Link from "next/link";
import { requirePortal } from "@/server/pages/guards";
import { hasCapability } from "@/server/authz/matrix";
import { getServerMessages } from "@/server/i18n";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.adminHome);

export default async function AdminHome() {
  const actor = await requirePortal("admin");
  const m = await getServerMessages();
  const links = [
    { href: "/admin/users", label: m.nav.users, allowed: hasCapability(actor.role, "users.manage") },
    { href: "/admin/clients", label: m.apiClients.nav, allowed: hasCapability(actor.role, "apiClients.manage") },
    { href: "/admin/audit", label: m.nav.audit, allowed: hasCapability(actor.role, "audit.read") },
    { href: "/admin/access", label: m.accessReports.nav.learnerAccess, allowed: hasCapability(actor.role, "audit.read") },
    { href: "/admin/access/account", label: m.accessReports.nav.accountReads, allowed: hasCapability(actor.role, "audit.read") },
    { href: "/admin/verification", label: m.accessReports.nav.verification, allowed: hasCapability(actor.role, "auditVerification.read") },
  ].filter((l) => l.allowed);
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm" data-testid="admin-home">
      <h1 className="mb-4 text-xl font-semibold">{m.portals.admin}</h1>
      <ul className="list-inside list-disc space-y-1">
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} className="text-brand-600 underline">
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
