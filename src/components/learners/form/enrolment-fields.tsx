"use client";
// Where the new learner is enrolled: level, class, date.
import { Field } from "@/components/field";
import { useMessages } from "@/components/messages-provider";
import { SelectField } from "@/components/select-field";
import { ClassPicker } from "@/components/classes/class-picker";
import { levelHasClasses } from "@/lib/classes/class-year";
import { EDUCATION_LEVELS } from "@/lib/schemas/learner";
import { binder } from "./bind";
import type { FieldErrors } from "@/lib/errors/form-errors";
import type { EnrolmentDraft } from "./form-model";
import { FormSection } from "./person-fields";

interface EnrolmentFieldsProps {
  draft: EnrolmentDraft;
  errors: FieldErrors;
  onChange: (key: keyof EnrolmentDraft, value: string) => void;
}

export function EnrolmentFields({ draft, errors, onChange }: EnrolmentFieldsProps) {
  const { m } = useMessages();
  const t = m.learnerForm;
  const bind = binder<keyof EnrolmentDraft>("enrolment", draft, errors, onChange);
  const levels = EDUCATION_LEVELS.map((l) => ({ value: l, label: m.vocab.levels[l] }));
  return (
    <FormSection title={t.enrolmentSection} testId="enrolment-section">
      <SelectField label={t.level} options={levels} placeholder={t.choose} {...bind("level")} />
      {/* A class is picked from the school's classes; a level without classes (college) may give a year of study. */}
      {levelHasClasses(draft.level) ? (
        <ClassPicker prefix="enrolment" level={draft.level} grade={draft.grade} classLetter={draft.classLetter} date={draft.enrolledAt} errors={errors}
          onChange={(p) => { onChange("grade", p.grade); onChange("classLetter", p.classLetter); }} />
      ) : (
        <Field label={t.grade} type="number" min={0} max={12} inputMode="numeric" {...bind("grade")} />
      )}
      <Field label={t.enrolledAt} type="date" {...bind("enrolledAt")} />
      <Field label={t.orderNumber} maxLength={50} autoComplete="off" {...bind("orderNumber")} />
      <Field label={t.orderDate} type="date" {...bind("orderDate")} />
    </FormSection>
  );
}
