"use client";
// Filter controls of the server-paginated lists: a search box applied on
// submit, and selects applied as soon as they change. Form fields use Field
// and SelectField instead (full width, ids, error messages).
import type { ReactNode } from "react";

const LABEL = "mb-1 block text-sm font-medium text-slate-700";
const CONTROL = "rounded border border-slate-300 bg-white px-3 py-2";

export function SearchBox({ label, value, onChange, maxLength, findLabel }: { label: string; value: string; onChange: (value: string) => void; maxLength: number; findLabel?: string }) {
  return (
    <>
      <label className="block grow sm:grow-0">
        <span className={LABEL}>{label}</span>
        <input
          type="search"
          name="search"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          maxLength={maxLength}
          autoComplete="off"
          className={`${CONTROL} w-full sm:w-72`}
        />
      </label>
      {findLabel && (
        <button type="submit" className="rounded border border-slate-300 px-4 py-2 hover:bg-slate-100">
          {findLabel}
        </button>
      )}
    </>
  );
}

export interface FilterOption {
  value: string;
  label: string;
}

interface FilterSelectProps {
  label: string;
  name: string;
  value: string;
  /** Text of the empty first option ("all"); omit for a filter that always has a value. */
  allLabel?: string;
  options?: FilterOption[];
  /** Grouped options (<optgroup>), rendered after `options`. */
  children?: ReactNode;
  onChange: (value: string) => void;
}

export function FilterSelect({ label, name, value, allLabel, options = [], children, onChange }: FilterSelectProps) {
  return (
    <label className="block">
      <span className={LABEL}>{label}</span>
      <select name={name} value={value} onChange={(e) => onChange(e.target.value)} className={CONTROL}>
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {children}
      </select>
    </label>
  );
}
