import { StatusPage } from "@/components/status-page";
import { getServerMessages } from "@/server/i18n";

export default async function NotFound() {
  const m = await getServerMessages();
  return <StatusPage title={m.errors.notFoundTitle} text={m.errors.notFoundText} home={m.errors.toHome} tone="neutral" />;
}
