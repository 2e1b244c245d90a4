"use client";
// On the sender's card while a transfer waits for the receiver: where to.
// The destination comes from the outgoing transfers list, which only roles
// with movement orders may read; others see the status alone.
import { useQuery } from "@tanstack/react-query";
import { useMessages } from "@/components/messages-provider";
import { useTRPC } from "@/trpc/react";

export function TransferPending({ learnerId, canReadTransfers, justStarted }: { learnerId: string; canReadTransfers: boolean; justStarted: boolean }) {
  const { m } = useMessages();
  const t = m.transfers;
  const trpc = useTRPC();
  const outgoing = useQuery({ ...trpc.movement.transfers.list.queryOptions({ direction: "outgoing" }), enabled: canReadTransfers });
  const transfer = outgoing.data?.find((row) => row.learner.id === learnerId && row.status === "PENDING");
  return (
    <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="transfer-pending">
      <p className="font-medium">{transfer ? t.pendingTo(transfer.toOrganisation.shortName) : t.pending}</p>
      {justStarted && <p className="mt-1">{t.started}</p>}
    </div>
  );
}
