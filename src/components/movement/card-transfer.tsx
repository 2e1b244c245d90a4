"use client";
// Transfer controls of a learner's card in the school portal: the button and
// form for an active basic enrolment of the caller's own organisation, and the
// pending notice while a transfer waits for the receiving organisation.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useMessages } from "@/components/messages-provider";
import { useTRPC } from "@/trpc/react";
import type { CardData } from "../learners/card/card-query";
import { TransferPending } from "./transfer-pending";
import { TransferStartForm } from "./transfer-start-form";

/** The held basic enrolment, if any (at most one, by the registry's invariant). */
function heldBasic(card: CardData) {
  if (card.view !== "personal") return undefined;
  return card.learner.enrolments.find((e) => e.isBasic && e.status !== "ENDED");
}

export function useCardTransfer(card: CardData) {
  const trpc = useTRPC();
  const enrolment = heldBasic(card);
  // Only writers of the holding school can start a transfer; the organisation
  // is needed to tell "our" basic enrolment from another school's.
  const own = useQuery({ ...trpc.school.organisation.queryOptions(), enabled: card.canWrite && enrolment?.status === "ACTIVE" });
  const [open, setOpen] = useState(false);
  const [justStarted, setJustStarted] = useState(false);
  return {
    canStart: card.canWrite && enrolment?.status === "ACTIVE" && own.data?.id === enrolment.organisation.id,
    pending: enrolment?.status === "PENDING_TRANSFER",
    ownOrganisationId: own.data?.id,
    open,
    setOpen,
    justStarted,
    setJustStarted,
  };
}

export function TransferButton({ state }: { state: ReturnType<typeof useCardTransfer> }) {
  const { m } = useMessages();
  if (!state.canStart || state.open) return null;
  return (
    <button
      type="button"
      onClick={() => state.setOpen(true)}
      className="rounded border border-slate-300 px-4 py-2 hover:bg-slate-100"
      data-testid="transfer-start"
    >
      {m.transfers.start}
    </button>
  );
}

export function TransferPanel({ learnerId, canWrite, state }: { learnerId: string; canWrite: boolean; state: ReturnType<typeof useCardTransfer> }) {
  if (state.pending) return <TransferPending learnerId={learnerId} canReadTransfers={canWrite} justStarted={state.justStarted} />;
  if (!state.canStart || !state.open) return null;
  return (
    <TransferStartForm
      learnerId={learnerId}
      ownOrganisationId={state.ownOrganisationId}
      onDone={(started) => {
        state.setOpen(false);
        state.setJustStarted(started);
      }}
    />
  );
}
