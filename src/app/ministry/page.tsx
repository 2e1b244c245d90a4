import { OversightHome } from "@/components/oversight-home";
import { requirePortal } from "@/server/auth/current-actor";

export default async function Page() {
  await requirePortal("ministry");
  return <OversightHome portal="ministry" />;
}
