"use client";
// One child of the register: the form of education chosen outside
// organisations (family education or self-education, from the parents'
// notice) and the "moved away" mark. The server refuses a form for a child
// enrolled in an organisation and checks the dates again.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { regionToday } from "@/lib/time-zone";
import type { ResidentList } from "@/server/services/residents/register";
import { useTRPC } from "@/trpc/react";
import { Field } from "../field";
import { useHydrated } from "../forms/use-hydrated";
import { useMessages } from "../messages-provider";
import { SelectField } from "../select-field";

type Row = ResidentList["rows"][number];

export function ResidentEditor({ resident, onClose }: { resident: Row; onClose: () => void }) {
  const t = useMessages().m.residents;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const [form, setForm] = useState<string>(resident.educationForm ?? "");
  const [since, setSince] = useState(resident.educationFormSince ?? "");
  const [note, setNote] = useState(resident.educationFormNote ?? "");
  const [leftAt, setLeftAt] = useState(resident.leftAt ?? regionToday());
  const refresh = { onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.residents.pathKey() }) };
  const saveForm = useMutation(trpc.residents.setEducationForm.mutationOptions(refresh));
  const saveLeft = useMutation(trpc.residents.setLeft.mutationOptions(refresh));
  const error = (saveForm.error ?? saveLeft.error)?.message;
  const button = "rounded px-4 py-2 font-medium disabled:opacity-50";

  return (
    <section className="max-w-3xl space-y-4 rounded border border-slate-300 p-4" data-testid="resident-editor" aria-label={t.editTitle(resident.name)}>
      <div className="flex items-baseline justify-between">
        <h2 className="text-lg font-semibold">{t.editTitle(resident.name)}</h2>
        <button type="button" onClick={onClose} className="text-brand-700 underline">{t.close}</button>
      </div>
      <form
        method="post"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          const chosen = form === "FAMILY" || form === "SELF" ? form : null;
          saveForm.mutate({ residentId: resident.id, form: chosen, ...(chosen ? { since, note } : {}) });
        }}
      >
        <SelectField label={t.formField} name="resident-form" className="w-64" value={form} onChange={(e) => setForm(e.target.value)} placeholder={t.formNone} options={["FAMILY", "SELF"].map((f) => ({ value: f, label: t.forms[f]! }))} />
        {form && <Field label={t.sinceField} name="resident-since" type="date" value={since} onChange={(e) => setSince(e.target.value)} />}
        {form && <Field label={t.noteField} name="resident-note" className="w-72" maxLength={300} value={note} onChange={(e) => setNote(e.target.value)} />}
        <button type="submit" disabled={!hydrated || saveForm.isPending} className={`${button} bg-brand-600 text-white hover:bg-brand-700`}>{t.saveForm}</button>
      </form>
      <form
        method="post"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          saveLeft.mutate({ residentId: resident.id, leftAt });
        }}
      >
        <Field label={t.leftField} name="resident-left" type="date" value={leftAt} onChange={(e) => setLeftAt(e.target.value)} />
        <button type="submit" disabled={!hydrated || saveLeft.isPending} className={`${button} border border-slate-300 hover:bg-slate-100`}>{t.saveLeft}</button>
        {resident.leftAt && (
          <button type="button" disabled={saveLeft.isPending} onClick={() => saveLeft.mutate({ residentId: resident.id, leftAt: null })} className={`${button} border border-slate-300 hover:bg-slate-100`}>
            {t.undoLeft}
          </button>
        )}
      </form>
      {error && <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-700">{error}</p>}
      {(saveForm.isSuccess || saveLeft.isSuccess) && !error && <p role="status" className="text-green-800">{t.saved}</p>}
    </section>
  );
}
