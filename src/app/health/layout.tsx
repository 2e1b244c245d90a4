import type { ReactNode } from "react";
import { PortalShell } from "@/components/portal-shell";
import { portalShellProps } from "@/server/pages/portal-shell-props";
import { requirePortal } from "@/server/pages/guards";

export const dynamic = "force-dynamic";

export default async function Layout({ children }: { children: ReactNode }) {
  const actor = await requirePortal("health");
  return <PortalShell {...await portalShellProps(actor)}>{children}</PortalShell>;
}
