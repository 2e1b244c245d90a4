// A labelled select with its validation message, the <select> twin of Field.
// Every form select is this one (filter bars use FilterSelect in list-filters.tsx).
import type { ReactNode, SelectHTMLAttributes } from "react";

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  name: string;
  error?: string;
  /** Plain options; for grouped ones (<optgroup>) pass children instead, rendered after these. */
  options?: readonly { value: string; label: string }[];
  /** Text of the empty first option; omit for a select that always has a value. */
  placeholder?: string;
  children?: ReactNode;
};

export function SelectField({ label, name, error, options = [], placeholder, className, children, ...select }: SelectFieldProps) {
  const errorId = `${name}-error`;
  return (
    <label className={`block ${className ?? ""}`}>
      <span className="mb-1 block text-sm font-medium text-slate-700">{label}</span>
      <select
        name={name}
        id={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={`h-[42px] w-full rounded border bg-white px-3 py-2 ${error ? "border-red-500" : "border-slate-300"} focus:border-brand-600 disabled:bg-slate-100`}
        {...select}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {children}
      </select>
      {error && (
        <span id={errorId} className="mt-1 block text-sm text-red-700">
          {error}
        </span>
      )}
    </label>
  );
}
