import Link from "next/link";
import type { ReactNode } from "react";
import { PortalShell } from "@/components/portal-shell";
import { portalShellProps } from "@/server/pages/portal-shell-props";
import { formatDateTime } from "@/lib/format";
import { orUnavailable, requirePortal } from "@/server/pages/guards";
import { hasCapability } from "@/server/authz/matrix";
import { getDb } from "@/server/db";
import { getServerMessages } from "@/server/i18n";
import { serverTimeZone } from "@/server/time-zone";
import { latestVerificationRun } from "@/server/services/audit/verification-runs";

export const dynamic = "force-dynamic";

export default async function Layout({ children }: { children: ReactNode }) {
  const actor = await requirePortal("admin");
  // A broken audit chain is shown on every admin page to those who must act on it.
  const latest = hasCapability(actor.role, "auditVerification.read") ? await orUnavailable(async () => latestVerificationRun(await getDb())) : null;
  const m = await getServerMessages();
  const t = m.accessReports.verification;
  return (
    <PortalShell {...await portalShellProps(actor)}>
      {latest && latest.ok === false && (
        <p role="alert" data-testid="chain-broken-banner" className="mb-4 rounded border-2 border-red-600 bg-red-50 px-4 py-3 font-semibold text-red-700">
          {latest.error ? t.failedRun(formatDateTime(latest.startedAt, serverTimeZone()), latest.error) : t.broken(latest.brokenAtId ?? "?", formatDateTime(latest.startedAt, serverTimeZone()))}{" "}
          <Link href="/admin/verification" className="underline">
            {m.accessReports.nav.verification}
          </Link>
        </p>
      )}
      {children}
    </PortalShell>
  );
}
