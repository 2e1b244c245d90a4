import type { ReactNode } from "react";
import { PortalShell } from "@/components/portal-shell";
import { portalShellProps } from "@/server/pages/portal-shell-props";
import { requireActor } from "@/server/pages/guards";

export const dynamic = "force-dynamic";

// Every role's own account page, inside that role's portal shell.
export default async function Layout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  return <PortalShell {...await portalShellProps(actor)}>{children}</PortalShell>;
}
