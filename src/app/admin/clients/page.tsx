import { requireCapability } from "@/server/pages/guards";
import { ClientsPage } from "./clients-page";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.apiClients);

export default async function AdminClients() {
  await requireCapability("admin", "apiClients.manage");
  return <ClientsPage />;
}
