import { StatusPage } from "@/components/status-page";
import { getServerMessages } from "@/server/i18n";

export default async function Forbidden() {
  const m = await getServerMessages();
  return <StatusPage title={m.errors.forbiddenTitle} text={m.errors.forbiddenText} home={m.errors.toHome} tone="danger" />;
}
