"use client";
// The order (приказ) every movement event carries: number, date, effective date.
import { Field } from "@/components/field";
import { ErrorSummary } from "@/components/forms/error-summary";
import { useMessages } from "@/components/messages-provider";
import { binder } from "../learners/form/bind";
import type { FieldErrors } from "@/lib/errors/form-errors";
import { todayIso } from "../learners/form/form-model";

export interface OrderDraft {
  orderNumber: string;
  orderDate: string;
  effectiveDate: string;
}

export const emptyOrder = (): OrderDraft => ({ orderNumber: "", orderDate: todayIso(), effectiveDate: todayIso() });

export function OrderFields({
  title,
  draft,
  errors,
  onChange,
}: {
  title: string;
  draft: OrderDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<OrderDraft>) => void;
}) {
  const { m } = useMessages();
  const t = m.transfers;
  const bind = binder<keyof OrderDraft>("order", draft, errors, (key, value) => onChange({ [key]: value }));
  return (
    <fieldset className="grid gap-3 sm:grid-cols-3">
      <legend className="mb-2 text-sm font-semibold text-slate-800">{title}</legend>
      <Field label={t.orderNumber} maxLength={50} autoComplete="off" {...bind("orderNumber")} />
      <Field label={t.orderDate} type="date" {...bind("orderDate")} />
      <Field label={t.effectiveDate} type="date" {...bind("effectiveDate")} />
    </fieldset>
  );
}

/** Form-level alert under a movement form. */
/** The form's error summary when given the field errors, else just its form-level message. */
export function FormAlert({ text, errors, focusToken = 0 }: { text: string | null; errors?: FieldErrors; focusToken?: number }) {
  if (errors) return <ErrorSummary errors={errors} message={text} focusToken={focusToken} />;
  if (!text) return null;
  return (
    <p role="alert" data-testid="form-error" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">
      {text}
    </p>
  );
}

export function FormButtons({ submit, pending, onCancel }: { submit: string; pending: boolean; onCancel: () => void }) {
  const { m } = useMessages();
  return (
    <div className="flex gap-2">
      <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-50">
        {pending ? m.transfers.submitting : submit}
      </button>
      <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-4 py-2 hover:bg-slate-100">
        {m.transfers.cancel}
      </button>
    </div>
  );
}
