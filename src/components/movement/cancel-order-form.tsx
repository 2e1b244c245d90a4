"use client";
// «Отменить» next to an order in the movement history: a cancellation order
// with its grounds. The server refuses unless it is the latest standing order
// of that enrolment, and its message says so.
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/field";
import { useMessages } from "@/components/messages-provider";
import { ZCancelEventInput } from "@/lib/schemas/movement";
import { useTRPC } from "@/trpc/react";
import { emptyOrder, FormAlert, FormButtons, OrderFields } from "./order-fields";
import { useRefreshLearner } from "./placement-fields";
import { useFormErrors } from "./use-form-errors";

export function CancelOrderForm({ learnerId, eventId, title, onDone }: { learnerId: string; eventId: string; title: string; onDone: () => void }) {
  const { m } = useMessages();
  const t = m.movement;
  const trpc = useTRPC();
  const refresh = useRefreshLearner(learnerId);
  const [reason, setReason] = useState("");
  const [order, setOrder] = useState(emptyOrder);
  const form = useFormErrors(m.transfers.checkFields);

  const cancel = useMutation(
    trpc.movement.cancel.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone();
      },
      onError: form.server,
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clear();
    const parsed = ZCancelEventInput.safeParse({ eventId, order, reason });
    if (parsed.success) cancel.mutate(parsed.data);
    else form.invalid(parsed.error.issues);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4 rounded-lg border border-brand-600/30 p-4" data-testid="movement-cancel-form">
      <h3 className="font-semibold text-slate-800">{title}</h3>
      <OrderFields title={t.cancelOrderSection} draft={order} errors={form.errors} onChange={(p) => setOrder((o) => ({ ...o, ...p }))} />
      <Field
        label={t.cancelReason}
        name="reason"
        value={reason}
        maxLength={500}
        autoComplete="off"
        error={form.errors.reason}
        onChange={(e) => setReason(e.target.value)}
        className="max-w-xl"
      />
      <FormAlert text={form.formError} />
      <FormButtons submit={t.submitCancel} pending={cancel.isPending} onCancel={onDone} />
    </form>
  );
}
