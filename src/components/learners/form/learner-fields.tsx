"use client";
// The learner part of the form: identity, document, addresses.
import { Field } from "@/components/field";
import { useMessages } from "@/components/messages-provider";
import { SelectField } from "@/components/select-field";
import { SEXES } from "@/lib/schemas/person";
import { binder } from "./bind";
import type { FieldErrors } from "@/lib/errors/form-errors";
import type { LearnerDraft } from "./form-model";
import { LearnerAddressFields, type AddressPick } from "./learner-address-fields";
import type { AddressHouses } from "@/lib/schemas/learner-addresses";
import { CitizenshipField, DocumentFields, FormSection, NameFields, SnilsField } from "./person-fields";

interface LearnerFieldsProps {
  draft: LearnerDraft;
  errors: FieldErrors;
  onChange: (key: keyof LearnerDraft, value: string) => void;
  /** Directory houses picked from the address suggestions, per address kind. */
  houses: AddressHouses;
  onPick: (pick: AddressPick) => void;
}

export function LearnerFields({ draft, errors, onChange, houses, onPick }: LearnerFieldsProps) {
  const { m } = useMessages();
  const t = m.learnerForm;
  const bind = binder<keyof LearnerDraft>("learner", draft, errors, onChange);
  const sexes = SEXES.map((s) => ({ value: s, label: m.vocab.sexes[s] }));
  return (
    <>
      <FormSection title={t.learnerSection} testId="learner-section">
        <NameFields bind={bind} />
        <Field label={t.birthDate} type="date" {...bind("birthDate")} />
        <SelectField label={t.sex} options={sexes} placeholder={t.choose} {...bind("sex")} />
        <SnilsField bind={bind} />
        <CitizenshipField bind={bind} />
        <Field label={t.birthPlace} className="sm:col-span-2" autoComplete="off" {...bind("birthPlace")} />
      </FormSection>
      <FormSection title={t.documentSection}>
        <DocumentFields bind={bind} docType={draft.docType} />
      </FormSection>
      <FormSection title={t.addressSection}>
        <LearnerAddressFields bind={bind} onText={onChange} houses={houses} onPick={onPick} />
      </FormSection>
    </>
  );
}
