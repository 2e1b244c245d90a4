"use client";
// The free-text reason of an order or a refusal, with its message under it.
import { Field } from "@/components/field";

export function ReasonField({ label, value, error, onChange }: { label: string; value: string; error?: string; onChange: (value: string) => void }) {
  return (
    <Field
      label={label}
      name="reason"
      value={value}
      maxLength={500}
      autoComplete="off"
      error={error}
      onChange={(e) => onChange(e.target.value)}
      className="max-w-xl"
    />
  );
}
