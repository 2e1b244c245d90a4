"use client";
// «Восстановить»: reinstatement of a learner this school expelled, into a
// class, by an order. Refused (with the school's name) if they study elsewhere.
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useMessages } from "@/components/messages-provider";
import { ZReinstateInput } from "@/lib/schemas/movement";
import { useTRPC } from "@/trpc/react";
import { emptyOrder, FormAlert, FormButtons, OrderFields } from "./order-fields";
import { emptyPlacement, placementInput, PlacementFields, useAfterLearnerOrder } from "./placement-fields";
import { useFormErrors } from "@/components/forms/use-form-errors";

export function ReinstateForm({ learnerId, onDone }: { learnerId: string; onDone: () => void }) {
  const { m } = useMessages();
  const t = m.movement;
  const trpc = useTRPC();
  const saved = useAfterLearnerOrder(learnerId, onDone);
  const [placement, setPlacement] = useState(emptyPlacement);
  const [order, setOrder] = useState(emptyOrder);
  const form = useFormErrors(m.transfers.checkFields);

  const reinstate = useMutation(
    trpc.movement.reinstate.mutationOptions({
      onSuccess: saved,
      onError: form.server,
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = form.validate(ZReinstateInput, { learnerId, placement: placementInput(placement), order });
    if (data) reinstate.mutate(data);
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-brand-600/30 bg-white p-4" data-testid="movement-reinstate-form">
      <h2 className="font-semibold text-slate-800">{t.reinstateTitle}</h2>
      <PlacementFields title={m.transfers.placementSection} draft={placement} errors={form.errors} onChange={(p) => setPlacement((d) => ({ ...d, ...p }))} date={order.effectiveDate} basicOnly />
      <OrderFields title={t.reinstateOrderSection} draft={order} errors={form.errors} onChange={(p) => setOrder((o) => ({ ...o, ...p }))} />
      <FormAlert text={form.formError} errors={form.errors} focusToken={form.failedSubmits} />
      <FormButtons submit={t.submitReinstate} pending={reinstate.isPending} onCancel={onDone} />
    </form>
  );
}
