"use client";
// «Оформить приказ» on a learner's card: a school order about a learner the
// school holds — another class or programme, promotion, repeat year,
// expulsion (a coded reason for leaving required; the grounds' text too when
// the reason is «Иная причина») or graduation.
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useMessages } from "@/components/messages-provider";
import { SelectField } from "@/components/select-field";
import { SCHOOL_EVENT_TYPES, ZSchoolEventInput } from "@/lib/schemas/movement";
import { useTRPC } from "@/trpc/react";
import { emptyOrder, FormAlert, FormButtons, OrderFields } from "./order-fields";
import { emptyPlacement, placementInput, PlacementFields, useAfterLearnerOrder } from "./placement-fields";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { ReasonField } from "@/components/movement/reason-field";
import { REASON_NEEDS_TEXT, REASONS_FOR_TYPE, type LeavingReason } from "@/lib/movement/leaving-reasons";

type EventType = (typeof SCHOOL_EVENT_TYPES)[number];

export function RecordOrderForm({ learnerId, onDone }: { learnerId: string; onDone: () => void }) {
  const { m } = useMessages();
  const t = m.movement;
  const trpc = useTRPC();
  const saved = useAfterLearnerOrder(learnerId, onDone);
  const [type, setType] = useState<EventType | "">("");
  const [placement, setPlacement] = useState(emptyPlacement);
  const [reason, setReason] = useState("");
  const [leavingReason, setLeavingReason] = useState("");
  const [order, setOrder] = useState(emptyOrder);
  const form = useFormErrors(m.transfers.checkFields);

  const record = useMutation(
    trpc.movement.event.mutationOptions({
      onSuccess: saved,
      onError: form.server,
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!type) return form.invalid([{ path: "type", message: t.chooseType }]);
    const withReason = type === "CLASS_CHANGE" || type === "EXPULSION";
    const data = form.validate(ZSchoolEventInput, {
      type,
      learnerId,
      order,
      ...(type === "CLASS_CHANGE" ? { placement: placementInput(placement) } : {}),
      ...(withReason ? { reason } : {}),
      ...(type === "EXPULSION" ? { leavingReason: leavingReason || undefined } : {}),
    });
    if (data) record.mutate(data);
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-brand-600/30 bg-white p-4" data-testid="movement-record-form">
      <h2 className="font-semibold text-slate-800">{t.recordTitle}</h2>
      <SelectField
        label={t.type}
        name="type"
        value={type}
        error={form.errors.type}
        placeholder={m.transfers.choose}
        options={SCHOOL_EVENT_TYPES.map((value) => ({ value, label: t.actions[value] }))}
        onChange={(e) => setType(e.target.value as EventType | "")}
        className="max-w-xl"
        data-testid="movement-type"
      />
      {type === "CLASS_CHANGE" && (
        <PlacementFields title={t.newPlacement} draft={placement} errors={form.errors} onChange={(p) => setPlacement((d) => ({ ...d, ...p }))} date={order.effectiveDate} basicOnly />
      )}
      {type === "EXPULSION" && (
        <SelectField
          label={t.leavingReason}
          name="leavingReason"
          value={leavingReason}
          error={form.errors.leavingReason}
          placeholder={t.chooseLeavingReason}
          options={REASONS_FOR_TYPE.EXPULSION.map((value) => ({ value, label: t.leavingReasons[value]! }))}
          onChange={(e) => setLeavingReason(e.target.value)}
          className="max-w-xl"
          data-testid="movement-leaving-reason"
        />
      )}
      {(type === "CLASS_CHANGE" || type === "EXPULSION") && (
        <ReasonField
          label={type !== "EXPULSION" ? t.reasonOptional : REASON_NEEDS_TEXT.includes(leavingReason as LeavingReason) ? t.leavingReasonTextRequired : t.reasonOptional}
          value={reason}
          error={form.errors.reason}
          onChange={setReason}
        />
      )}
      <OrderFields title={m.transfers.order} draft={order} errors={form.errors} onChange={(p) => setOrder((o) => ({ ...o, ...p }))} />
      <FormAlert text={form.formError} errors={form.errors} focusToken={form.failedSubmits} />
      <FormButtons submit={t.submitRecord} pending={record.isPending} onCancel={onDone} />
    </form>
  );
}
