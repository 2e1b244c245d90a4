"use client";
// Add or edit a programme. The ОВЗ category appears only for an adapted
// programme and the direction only for an additional one; the browser checks
// with the same zod schema as the server, and the server's refusals land on
// the fields they name.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/field";
import { issuesToErrors, serverErrorsOf, type FieldErrors } from "@/lib/errors/form-errors";
import { useMessages } from "@/components/messages-provider";
import { SelectField } from "@/components/select-field";
import { EDUCATION_LEVELS } from "@/lib/schemas/learner";
import { EDUCATION_FORMS, OVZ_CATEGORIES, PROGRAMME_DIRECTIONS, ZCreateProgrammeInput, type CreateProgrammeInput } from "@/lib/schemas/programme";
import { useTRPC } from "@/trpc/react";
import type { ProgrammeRow } from "./types";

const optionsOf = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((value) => ({ value, label: labels[value] }));

export function ProgrammeForm({ programme, onDone, onCancel }: { programme?: ProgrammeRow; onDone: (notice: string) => void; onCancel: () => void }) {
  const { m } = useMessages();
  const t = m.programmes;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState({
    name: programme?.name ?? "",
    level: programme?.level ?? "",
    adapted: programme?.adapted ?? false,
    ovzCategory: programme?.ovzCategory ?? "",
    direction: programme?.direction ?? "",
    form: programme?.form ?? "FULL_TIME",
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const saved = async (notice: string) => {
    await queryClient.invalidateQueries({ queryKey: trpc.school.programmes.pathKey() });
    onDone(notice);
  };
  const onError = (error: Parameters<typeof serverErrorsOf>[0]) => {
    const { fields, form } = serverErrorsOf(error, t.checkFields);
    setErrors(fields);
    setFormError(form);
  };
  const create = useMutation(trpc.school.programmes.create.mutationOptions({ onSuccess: (p) => saved(t.programmeCreated(p.name)), onError }));
  const update = useMutation(trpc.school.programmes.update.mutationOptions({ onSuccess: () => saved(t.programmeUpdated(draft.name.trim())), onError }));
  const pending = create.isPending || update.isPending;

  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) => setDraft((d) => ({ ...d, [key]: value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Hidden options are not sent: an ordinary programme has no category, a basic one no direction.
    const input = {
      name: draft.name,
      level: draft.level || undefined,
      adapted: draft.adapted,
      ovzCategory: draft.adapted ? draft.ovzCategory || null : null,
      direction: draft.level === "ADDITIONAL" ? draft.direction || null : null,
      form: draft.form,
    } as CreateProgrammeInput;
    const parsed = ZCreateProgrammeInput.safeParse(input);
    if (!parsed.success) {
      setErrors(issuesToErrors(parsed.error.issues));
      setFormError(t.checkFields);
      return;
    }
    setErrors({});
    setFormError(null);
    if (programme) update.mutate({ ...input, id: programme.id });
    else create.mutate(input);
  }

  const bind = (key: "name" | "level" | "ovzCategory" | "direction" | "form") => ({
    name: `programme.${key}`,
    error: errors[key],
    value: String(draft[key]),
    onChange: (e: { target: { value: string } }) => set(key, e.target.value),
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="programme-form">
      <h3 className="font-semibold">{programme ? t.editProgrammeTitle(programme.name) : t.createProgrammeTitle}</h3>
      <div className="grid gap-4 md:grid-cols-2">
        <Field label={t.name} {...bind("name")} className="md:col-span-2" maxLength={300} />
        <SelectField label={t.level} {...bind("level")} placeholder={t.choose} options={optionsOf(EDUCATION_LEVELS, m.vocab.levels)} />
        <SelectField label={t.form} {...bind("form")} options={optionsOf(EDUCATION_FORMS, m.programmeVocab.forms)} />
        {draft.level === "ADDITIONAL" && (
          <SelectField label={t.direction} {...bind("direction")} placeholder={t.choose} options={optionsOf(PROGRAMME_DIRECTIONS, m.programmeVocab.directions)} />
        )}
        <label className="flex items-center gap-2 self-end py-2">
          <input type="checkbox" name="programme.adapted" checked={draft.adapted} onChange={(e) => set("adapted", e.target.checked)} />
          <span className="text-sm font-medium text-slate-700">{t.adapted}</span>
        </label>
        {draft.adapted && (
          <SelectField label={t.ovzCategory} {...bind("ovzCategory")} placeholder={t.choose} options={optionsOf(OVZ_CATEGORIES, m.programmeVocab.ovzCategories)} />
        )}
      </div>
      {formError && (
        <p role="alert" data-testid="form-error" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">
          {formError}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-50">
          {m.common.save}
        </button>
        <button type="button" onClick={onCancel} className="rounded border border-slate-300 bg-white px-4 py-2 hover:bg-slate-100">
          {m.common.cancel}
        </button>
      </div>
    </form>
  );
}
