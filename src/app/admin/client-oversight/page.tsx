import { requireCapability } from "@/server/pages/guards";
import { ClientOversightPage } from "./client-oversight-page";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.clientOversight);

export default async function AdminClientOversight() {
  await requireCapability("admin", "audit.read");
  return <ClientOversightPage />;
}
