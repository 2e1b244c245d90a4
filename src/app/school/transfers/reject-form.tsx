"use client";
// Rejecting an incoming transfer: the reason is required and is shown to the
// sending school, whose learner becomes an ordinary active learner again.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useMessages } from "@/components/messages-provider";
import { FormAlert, FormButtons } from "@/components/movement/order-fields";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { ZRejectTransferInput } from "@/lib/schemas/movement";
import { useTRPC } from "@/trpc/react";
import type { TransferRow } from "./transfers-table";
import { ReasonField } from "@/components/movement/reason-field";

export function RejectForm({ row, onCancel, onDone }: { row: TransferRow; onCancel: () => void; onDone: () => void }) {
  const { m } = useMessages();
  const t = m.transfers;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const form = useFormErrors(t.checkFields);

  const reject = useMutation(
    trpc.movement.transfers.reject.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.movement.transfers.list.queryKey() });
        onDone();
      },
      onError: form.server,
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = form.validate(ZRejectTransferInput, { learnerId: row.learner.id, transferId: row.id, reason });
    if (data) reject.mutate(data);
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-3" data-testid="transfer-reject-form">
      <ReasonField label={t.rejectReason} value={reason} error={form.errors.reason} onChange={setReason} />
      <FormAlert text={form.formError} errors={form.errors} focusToken={form.failedSubmits} />
      <FormButtons submit={t.submitReject} pending={reject.isPending} onCancel={onCancel} />
    </form>
  );
}
