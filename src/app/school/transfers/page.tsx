import { requireCapability } from "@/server/pages/guards";
import { TransfersPage, type TransferTab } from "./transfers-page";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.transfers);

export default async function SchoolTransfers({ searchParams }: { searchParams: Promise<{ tab?: string }> }) {
  await requireCapability("school", "movement.write");
  const { tab } = await searchParams;
  const initial: TransferTab = tab === "outgoing" ? "outgoing" : "incoming";
  return <TransfersPage initialTab={initial} />;
}
