"use client";
// The ministry's view of movement: transfers the receiving school has not
// decided on for too long, and accepted transfers between municipalities.
import { useMessages } from "@/components/messages-provider";
import { StaleTransfers } from "./stale-transfers";
import { TransferFlows } from "./transfer-flows";

export function MovementPage() {
  const { m } = useMessages();
  return (
    <div className="space-y-8">
      <h1 className="text-xl font-semibold">{m.movementOversight.title}</h1>
      <StaleTransfers />
      <TransferFlows />
    </div>
  );
}
