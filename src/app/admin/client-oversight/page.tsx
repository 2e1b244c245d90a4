import { requireCapability } from "@/server/pages/guards";
import { ClientOversightPage } from "./client-oversight-page";

export default async function AdminClientOversight() {
  await requireCapability("admin", "audit.read");
  return <ClientOversightPage />;
}
