"use client";
// Movement orders from a learner's card in the school portal: «Оформить
// приказ» while the learner is on the caller's roll, «Отменить» next to the
// caller's own standing orders, «Восстановить» after the caller expelled them.
// The server re-checks all of it; this only decides which controls to offer.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useMessages } from "@/components/messages-provider";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";
import { useTRPC } from "@/trpc/react";
import type { CardData } from "../learners/card/card-query";
import { RecordOrderForm } from "./record-order-form";
import { ReinstateForm } from "./reinstate-form";

export type TrajectoryRow = inferRouterOutputs<AppRouter>["movement"]["trajectory"][number];

// Transfers are undone by the receiver's rejection, not by a cancellation order.
const NOT_CANCELLABLE = new Set(["CANCELLATION", "TRANSFER_OUT", "TRANSFER_IN"]);
// The orders that open or close an enrolment, as the server's reinstatement check reads them.
const ENROLMENT_BOUNDS = new Set(["EXPULSION", "ENROLMENT", "TRANSFER_IN", "REINSTATEMENT", "GRADUATION"]);

export function useCardMovement(card: CardData, canMove: boolean) {
  const trpc = useTRPC();
  const learnerId = card.learner.id;
  // Identity-level roles (medic, health ministry) are refused the orders: the card says so.
  const trajectory = useQuery({ ...trpc.movement.trajectory.queryOptions({ learnerId }), enabled: card.trajectory });
  const own = useQuery({ ...trpc.school.organisation.queryOptions(), enabled: canMove });
  const ownId = canMove ? own.data?.id : undefined;
  const [open, setOpen] = useState<"record" | "reinstate" | null>(null);
  const [cancelling, setCancelling] = useState<TrajectoryRow | null>(null);

  const held = card.view === "personal" ? card.learner.enrolments.find((e) => e.isBasic && e.status !== "ENDED") : undefined;
  const lastBound = (trajectory.data ?? []).filter((e) => e.organisation.id === ownId && !e.cancelled && ENROLMENT_BOUNDS.has(e.type)).at(-1);
  return {
    learnerId,
    trajectory,
    canRecord: !!ownId && card.canWrite && held?.status === "ACTIVE" && held.organisation.id === ownId,
    canReinstate: !!ownId && !held && lastBound?.type === "EXPULSION",
    canCancel: (row: TrajectoryRow) => !!ownId && row.organisation.id === ownId && !row.cancelled && !NOT_CANCELLABLE.has(row.type),
    open,
    setOpen: (next: "record" | "reinstate" | null) => {
      setCancelling(null);
      setOpen(next);
    },
    cancelling,
    setCancelling: (row: TrajectoryRow | null) => {
      setOpen(null);
      setCancelling(row);
    },
  };
}
export type CardMovement = ReturnType<typeof useCardMovement>;

export function MovementButtons({ state }: { state: CardMovement }) {
  const { m } = useMessages();
  const t = m.movement;
  const button = "rounded border border-slate-300 px-4 py-2 hover:bg-slate-100";
  return (
    <>
      {state.canRecord && state.open !== "record" && (
        <button type="button" className={button} onClick={() => state.setOpen("record")} data-testid="movement-record">
          {t.record}
        </button>
      )}
      {state.canReinstate && state.open !== "reinstate" && (
        <button type="button" className={button} onClick={() => state.setOpen("reinstate")} data-testid="movement-reinstate">
          {t.reinstate}
        </button>
      )}
    </>
  );
}

export function MovementPanel({ state }: { state: CardMovement }) {
  const close = () => state.setOpen(null);
  if (state.open === "record" && state.canRecord) return <RecordOrderForm learnerId={state.learnerId} onDone={close} />;
  if (state.open === "reinstate" && state.canReinstate) return <ReinstateForm learnerId={state.learnerId} onDone={close} />;
  return null;
}
