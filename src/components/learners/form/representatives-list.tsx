"use client";
// Up to four representatives in the create form: add and remove rows.
import { useMessages } from "@/components/messages-provider";
import type { FieldErrors } from "@/lib/errors/form-errors";
import { emptyRepresentative, type RepresentativeDraft } from "./form-model";
import { RepresentativeFields } from "./representative-fields";

export const MAX_REPRESENTATIVES = 4;

interface RepresentativesListProps {
  items: RepresentativeDraft[];
  errors: FieldErrors;
  onChange: (items: RepresentativeDraft[]) => void;
}

export function RepresentativesList({ items, errors, onChange }: RepresentativesListProps) {
  const t = useMessages().m.learnerForm;
  const patch = (index: number, p: Partial<RepresentativeDraft>) =>
    onChange(
      items.map((item, i) => {
        if (i === index) return { ...item, ...p };
        // One primary contact: ticking it on one row clears the others.
        return p.isPrimaryContact ? { ...item, isPrimaryContact: false } : item;
      }),
    );
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4" data-testid="representatives-section">
      <legend className="px-1 font-semibold text-slate-800">{t.representativesSection}</legend>
      {errors.representatives && (
        <p id="representatives-error" className="mb-3 text-sm text-red-700">
          {errors.representatives}
        </p>
      )}
      {items.length === 0 && <p className="text-sm text-slate-500">{t.noRepresentatives}</p>}
      <div className="space-y-4">
        {items.map((item, index) => (
          <div key={index} className="rounded border border-slate-200 p-3" data-testid={`representative-${index}`}>
            <div className="mb-3 flex items-center">
              <h3 className="text-sm font-semibold text-slate-700">{t.representative(index + 1)}</h3>
              <button
                type="button"
                onClick={() => onChange(items.filter((_, i) => i !== index))}
                className="ml-auto rounded border border-red-300 px-2 py-1 text-sm text-red-700 hover:bg-red-50"
              >
                {t.removeRepresentative}
              </button>
            </div>
            <RepresentativeFields prefix={`representatives.${index}`} draft={item} errors={errors} onChange={(p) => patch(index, p)} />
          </div>
        ))}
      </div>
      {items.length < MAX_REPRESENTATIVES && (
        <button
          type="button"
          onClick={() => onChange([...items, emptyRepresentative(items.length === 0)])}
          className="mt-4 rounded border border-slate-300 px-3 py-2 text-sm hover:bg-slate-100"
        >
          {t.addRepresentative}
        </button>
      )}
    </fieldset>
  );
}
