"use client";
// Consent to personal data processing, given by the first representative.
import { Field } from "@/components/field";
import { useMessages } from "@/components/messages-provider";
import { binder } from "./bind";
import type { FieldErrors } from "@/lib/errors/form-errors";
import type { ConsentDraft } from "./form-model";

interface ConsentFieldsProps {
  prefix: string;
  draft: ConsentDraft;
  errors: FieldErrors;
  onChange: (key: keyof ConsentDraft, value: string) => void;
}

export function ConsentFields({ prefix, draft, errors, onChange }: ConsentFieldsProps) {
  const t = useMessages().m.learnerForm;
  const bind = binder<keyof ConsentDraft>(prefix, draft, errors, onChange);
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-4">
      <Field label={t.consentGivenAt} type="date" {...bind("givenAt")} />
      <Field label={t.consentScope} className="sm:col-span-3" autoComplete="off" {...bind("scope")} />
    </div>
  );
}
