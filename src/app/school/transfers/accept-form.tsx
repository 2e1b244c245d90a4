"use client";
// Accepting an incoming transfer: where the learner is placed and the
// enrolment order. Success ends the sender's enrolment and opens ours.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/field";
import { binder } from "@/components/learners/form/bind";
import { useMessages } from "@/components/messages-provider";
import { emptyOrder, FormAlert, FormButtons, OrderFields } from "@/components/movement/order-fields";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { SelectField } from "@/components/select-field";
import { ClassPicker } from "@/components/classes/class-picker";
import { levelHasClasses } from "@/lib/classes/class-year";
import { EDUCATION_LEVELS, GRADE_RANGES, type EducationLevel } from "@/lib/schemas/learner";
import { ZAcceptTransferInput } from "@/lib/schemas/movement";
import { useTRPC } from "@/trpc/react";
import type { TransferRow } from "./transfers-table";

// A transfer is accepted onto a basic programme only.
const LEVELS = EDUCATION_LEVELS.filter((l) => l !== "ADDITIONAL");

/** The sender's grade, and the level it belongs to, as a starting point. */
function placementFrom(grade: number | null | undefined) {
  const level = grade == null ? "" : (Object.entries(GRADE_RANGES).find(([, r]) => grade >= r[0] && grade <= r[1])?.[0] ?? "");
  return { level, grade: grade == null ? "" : String(grade), classLetter: "" };
}

export function AcceptForm({ row, onCancel, onDone }: { row: TransferRow; onCancel: () => void; onDone: () => void }) {
  const { m } = useMessages();
  const t = m.transfers;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [placement, setPlacement] = useState(() => placementFrom(row.outOrder?.fromGrade));
  const [order, setOrder] = useState(emptyOrder);
  const form = useFormErrors(t.checkFields);

  const accept = useMutation(
    trpc.movement.transfers.accept.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.movement.transfers.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.learners.list.queryKey() }),
        ]);
        onDone();
      },
      onError: form.server,
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const grade = placement.grade.trim() === "" ? undefined : Number(placement.grade);
    const data = form.validate(ZAcceptTransferInput, { learnerId: row.learner.id, transferId: row.id, placement: { ...placement, level: placement.level as EducationLevel, grade }, order });
    if (data) accept.mutate(data);
  }

  const bind = binder<keyof typeof placement>("placement", placement, form.errors, (key, value) => setPlacement((p) => ({ ...p, [key]: value })));
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4" data-testid="transfer-accept-form">
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-800">{t.placementSection}</legend>
        <SelectField label={t.level} options={LEVELS.map((l) => ({ value: l, label: m.vocab.levels[l] }))} placeholder={t.choose} {...bind("level")} />
        {levelHasClasses(placement.level) ? (
          <ClassPicker prefix="placement" level={placement.level} grade={placement.grade} classLetter={placement.classLetter} date={order.effectiveDate} errors={form.errors}
            onChange={(p) => setPlacement((d) => ({ ...d, ...p }))} />
        ) : (
          <Field label={t.grade} type="number" min={0} max={12} inputMode="numeric" {...bind("grade")} />
        )}
      </fieldset>
      <OrderFields title={t.inOrderSection} draft={order} errors={form.errors} onChange={(p) => setOrder((o) => ({ ...o, ...p }))} />
      <FormAlert text={form.formError} errors={form.errors} focusToken={form.failedSubmits} />
      <FormButtons submit={t.submitAccept} pending={accept.isPending} onCancel={onCancel} />
    </form>
  );
}
