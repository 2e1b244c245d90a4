import { requireCapability } from "@/server/auth/current-actor";
import { ClientOversightPage } from "./client-oversight-page";

export default async function AdminClientOversight() {
  await requireCapability("admin", "audit.read");
  return <ClientOversightPage />;
}
