import { requireCapability } from "@/server/auth/current-actor";
import { ClientsPage } from "./clients-page";

export default async function AdminClients() {
  await requireCapability("admin", "apiClients.manage");
  return <ClientsPage />;
}
