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
      <div role="tablist" className="flex gap-1 border-b border-slate-200">
        {TRANSFER_TABS.map((key) => (
          <button
            key={key}
            type="button"
            role="tab"
            aria-selected={tab === key}
            data-testid={`transfers-tab-${key}`}
            onClick={() => choose(key)}
            className={`-mb-px rounded-t border px-4 py-2 text-sm ${
              tab === key ? "border-slate-200 border-b-white bg-white font-medium text-brand-900" : "border-transparent text-slate-600 hover:text-brand-600"
            }`}
          >
            {t[key]}
          </button>
        ))}
      </div>
      <div role="tabpanel" data-testid={`transfers-panel-${tab}`}>
        <QueryState query={list}>{(rows) => <TransfersTable key={tab} direction={tab} rows={rows} />}</QueryState>
      </div>
    </div>
  );
}
