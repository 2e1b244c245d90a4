"use client";
// «Отменить» next to an order in the movement history: a cancellation order
// with its grounds. The server refuses unless it is the latest standing order
// of that enrolment, and its message says so.
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useMessages } from "@/components/messages-provider";
import { ZCancelEventInput } from "@/lib/schemas/movement";
import { useTRPC } from "@/trpc/react";
import { emptyOrder, FormAlert, FormButtons, OrderFields } from "./order-fields";
import { useAfterLearnerOrder } from "./placement-fields";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { ReasonField } from "@/components/movement/reason-field";

export function CancelOrderForm({ learnerId, eventId, title, onDone }: { learnerId: string; eventId: string; title: string; onDone: () => void }) {
  const { m } = useMessages();
  const t = m.movement;
  const trpc = useTRPC();
  const saved = useAfterLearnerOrder(learnerId, onDone);
  const [reason, setReason] = useState("");
  const [order, setOrder] = useState(emptyOrder);
  const form = useFormErrors(m.transfers.checkFields);

  const cancel = useMutation(
    trpc.movement.cancel.mutationOptions({
      onSuccess: saved,
      onError: form.server,
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = form.validate(ZCancelEventInput, { learnerId, eventId, order, reason });
    if (data) cancel.mutate(data);
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="mt-4 space-y-4 rounded-lg border border-brand-600/30 p-4" data-testid="movement-cancel-form">
      <h3 className="font-semibold text-slate-800">{title}</h3>
      <OrderFields title={t.cancelOrderSection} draft={order} errors={form.errors} onChange={(p) => setOrder((o) => ({ ...o, ...p }))} />
      <ReasonField label={t.cancelReason} value={reason} error={form.errors.reason} onChange={setReason} />
      <FormAlert text={form.formError} errors={form.errors} focusToken={form.failedSubmits} />
      <FormButtons submit={t.submitCancel} pending={cancel.isPending} onCancel={onDone} />
    </form>
  );
}
