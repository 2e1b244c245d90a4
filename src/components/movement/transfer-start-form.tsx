"use client";
// From a learner's card: start a transfer to another organisation of the
// region, with the leaving order. The learner stays on the roll (PENDING_TRANSFER)
// until the receiving organisation decides.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useMessages } from "@/components/messages-provider";
import { SelectField } from "@/components/select-field";
import { ZStartTransferInput } from "@/lib/schemas/movement";
import { useTRPC } from "@/trpc/react";
import { emptyOrder, FormAlert, FormButtons, OrderFields } from "./order-fields";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { ReasonField } from "@/components/movement/reason-field";

interface Props {
  learnerId: string;
  /** The caller's own organisation: not a transfer target. */
  ownOrganisationId: string | undefined;
  onDone: (started: boolean) => void;
}

export function TransferStartForm({ learnerId, ownOrganisationId, onDone }: Props) {
  const { m } = useMessages();
  const t = m.transfers;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const directory = useQuery(trpc.school.organisationsDirectory.queryOptions());
  const [toOrganisationId, setTarget] = useState("");
  const [reason, setReason] = useState("");
  const [order, setOrder] = useState(emptyOrder);
  const form = useFormErrors(t.checkFields);

  const start = useMutation(
    trpc.movement.transfers.start.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.learners.card.queryKey({ id: learnerId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.learners.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.movement.transfers.list.queryKey() }),
        ]);
        onDone(true);
      },
      onError: form.server,
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = form.validate(ZStartTransferInput, { learnerId, toOrganisationId, order, reason });
    if (data) start.mutate(data);
  }

  // Options grouped by municipality, in the server's order (municipality, name).
  const groups = new Map<string, { id: string; shortName: string }[]>();
  for (const o of directory.data ?? []) {
    if (o.id === ownOrganisationId) continue;
    groups.set(o.municipalityName, [...(groups.get(o.municipalityName) ?? []), o]);
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-brand-600/30 bg-white p-4" data-testid="transfer-form">
      <h2 className="font-semibold text-slate-800">{t.startTitle}</h2>
      <div className="max-w-xl">
        <SelectField
          label={t.target}
          name="toOrganisationId"
          value={toOrganisationId}
          onChange={(e) => setTarget(e.target.value)}
          error={form.errors.toOrganisationId}
          data-testid="transfer-target"
          placeholder={directory.isPending ? m.common.loading : t.choose}
        >
          {[...groups].map(([municipality, organisations]) => (
            <optgroup key={municipality} label={municipality}>
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.shortName}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        {directory.isError && <p className="mt-1 text-sm text-red-700">{t.directoryError}</p>}
      </div>
      <OrderFields title={t.outOrderSection} draft={order} errors={form.errors} onChange={(p) => setOrder((o) => ({ ...o, ...p }))} />
      <ReasonField label={t.reason} value={reason} error={form.errors.reason} onChange={setReason} />
      <FormAlert text={form.formError} errors={form.errors} focusToken={form.failedSubmits} />
      <FormButtons submit={t.submit} pending={start.isPending} onCancel={() => onDone(false)} />
    </form>
  );
}
