// A labelled input with its validation message attached (aria-describedby),
// so the error is read out with the field it belongs to.
import type { InputHTMLAttributes } from "react";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; error?: string };

export function Field({ label, name, error, className, ...input }: FieldProps) {
  const errorId = `${name}-error`;
  return (
    <label className={`block ${className ?? ""}`}>
      <span className="mb-1 block text-sm font-medium text-slate-700">{label}</span>
      <input
        name={name}
        id={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={`w-full rounded border px-3 py-2 ${error ? "border-red-500" : "border-slate-300"} focus:border-brand-600`}
        {...input}
      />
      {error && (
        <span id={errorId} className="mt-1 block text-sm text-red-700">
          {error}
        </span>
      )}
    </label>
  );
}
