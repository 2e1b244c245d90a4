"use client";
// The school's transfers: requests from other schools to accept or reject
// (incoming), and its own requests with their outcome (outgoing). The tab
// sits in the URL (?tab=outgoing) so a reload keeps it.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useMessages } from "@/components/messages-provider";
import { QueryState } from "@/components/query-state";
import { useTRPC } from "@/trpc/react";
import { TransfersTable } from "./transfers-table";
import { TabList, tabPanelProps } from "@/components/tabs";

export const TRANSFER_TABS = ["incoming", "outgoing"] as const;
export type TransferTab = (typeof TRANSFER_TABS)[number];

export function TransfersPage({ initialTab }: { initialTab: TransferTab }) {
  const { m } = useMessages();
  const t = m.transfers;
  const trpc = useTRPC();
  const [tab, setTab] = useState<TransferTab>(initialTab);
  // The other school decides at any moment: never show a cached list as current.
  const list = useQuery(trpc.movement.transfers.list.queryOptions({ direction: tab }, { staleTime: 0, refetchOnMount: "always" }));

  function choose(next: TransferTab) {
    setTab(next);
    const url = new URL(window.location.href);
    if (next === "incoming") url.searchParams.delete("tab");
    else url.searchParams.set("tab", next);
    window.history.replaceState(null, "", url);
  }

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t.title}</h1>
      <TabList tabs={TRANSFER_TABS.map((key) => ({ key, label: t[key] }))} selected={tab} onSelect={choose} idPrefix="transfers" testIdPrefix="transfers-tab" />
      <div {...tabPanelProps("transfers", tab)} data-testid={`transfers-panel-${tab}`}>
        <QueryState query={list}>{(rows) => <TransfersTable key={tab} direction={tab} rows={rows} />}</QueryState>
      </div>
    </div>
  );
}
