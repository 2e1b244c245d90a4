import { requireCapability } from "@/server/pages/guards";
import { ClientsPage } from "./clients-page";

export default async function AdminClients() {
  await requireCapability("admin", "apiClients.manage");
  return <ClientsPage />;
}
