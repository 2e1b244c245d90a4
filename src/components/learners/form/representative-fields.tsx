"use client";
// One legal representative's fields, under a dotted prefix: "representatives.0"
// in the create form, "representative" in the card's add/edit dialog (the
// procedures' input paths, so server messages land on the same inputs).
import { Field } from "@/components/field";
import { useMessages } from "@/components/messages-provider";
import { SelectField } from "@/components/select-field";
import { RELATIONS } from "@/lib/schemas/learner";
import { binder } from "./bind";
import type { FieldErrors } from "@/lib/errors/form-errors";
import type { RepresentativeDraft } from "./form-model";
import { CitizenshipField, DocumentFields, NameFields, SnilsField } from "./person-fields";

type TextKey = Exclude<keyof RepresentativeDraft, "isPrimaryContact">;

interface RepresentativeFieldsProps {
  prefix: string;
  draft: RepresentativeDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<RepresentativeDraft>) => void;
}

export function RepresentativeFields({ prefix, draft, errors, onChange }: RepresentativeFieldsProps) {
  const { m } = useMessages();
  const t = m.learnerForm;
  const bind = binder<TextKey>(prefix, draft, errors, (key, value) => onChange({ [key]: value }));
  const relations = RELATIONS.map((r) => ({ value: r, label: m.vocab.relations[r] }));
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <SelectField label={t.relation} options={relations} placeholder={t.choose} {...bind("relation")} />
      <NameFields bind={bind} />
      <SnilsField bind={bind} />
      <Field label={t.phone} type="tel" autoComplete="off" {...bind("phone")} />
      <Field label={t.email} type="email" autoComplete="off" {...bind("email")} />
      <CitizenshipField bind={bind} />
      <DocumentFields bind={bind} docType={draft.docType} />
      <label className="flex items-center gap-2 self-end pb-2 text-sm">
        <input
          type="checkbox"
          name={`${prefix}.isPrimaryContact`}
          checked={draft.isPrimaryContact}
          onChange={(e) => onChange({ isPrimaryContact: e.target.checked })}
        />
        {t.isPrimaryContact}
      </label>
    </div>
  );
}
