"use client";
// The ministry's subjects vocabulary («Справочник предметов»): the list with
// codes, levels, parent and ГИА codes, a form to add or edit a subject (the
// code is set once), and below it the free text left unmapped.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Field } from "@/components/field";
import { FormFrame, PlainTable, smallButton } from "@/components/learners/card/portfolio/portfolio-form";
import { useMessages } from "@/components/messages-provider";
import { QueryState } from "@/components/query-state";
import { SelectField } from "@/components/select-field";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { ZAddSubjectInput, ZUpdateSubjectInput } from "@/lib/schemas/subjects";
import { SUBJECT_LEVELS } from "@/lib/subjects";
import { useTRPC } from "@/trpc/react";
import { UnmappedSubjects } from "./unmapped-subjects";

interface Draft {
  subjectId: string | null;
  code: string;
  name: string;
  levels: string[];
  parentId: string;
  sortOrder: string;
  active: boolean;
}
const blank: Draft = { subjectId: null, code: "", name: "", levels: [], parentId: "", sortOrder: "", active: true };

export function SubjectsVocabulary() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { m } = useMessages();
  const t = m.subjects;
  const list = useQuery(trpc.ministry.subjects.list.queryOptions());
  const [draft, setDraft] = useState<Draft | null>(null);
  const errors = useFormErrors(t.checkFields);
  const done = {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.ministry.subjects.pathKey() });
      setDraft(null);
    },
    onError: errors.server,
  };
  const add = useMutation(trpc.ministry.subjects.add.mutationOptions(done));
  const update = useMutation(trpc.ministry.subjects.update.mutationOptions(done));
  const subjects = list.data ?? [];
  const nameOf = new Map(subjects.map((s) => [s.id, s.name]));
  const set = (patch: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...patch } : d));
  const open = (next: Draft) => {
    errors.clear();
    setDraft(next);
  };

  function submit() {
    if (!draft) return;
    const { subjectId, code, ...rest } = draft;
    if (subjectId) {
      const data = errors.validate(ZUpdateSubjectInput, { subjectId, ...rest });
      if (data) update.mutate(data);
    } else {
      const { active: _active, ...fields } = rest;
      const data = errors.validate(ZAddSubjectInput, { code, ...fields });
      if (data) add.mutate(data);
    }
  }

  const parents = subjects.filter((s) => !s.parentId && s.active && s.id !== draft?.subjectId).map((s) => ({ value: s.id, label: s.name }));
  const field = (key: "code" | "name" | "sortOrder") => ({
    name: key,
    value: draft?.[key] ?? "",
    error: errors.errors[key],
    onChange: (ev: { target: { value: string } }) => set({ [key]: ev.target.value }),
  });

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">{t.title}</h1>
        <p className="text-slate-600">{t.lead}</p>
      </div>
      <section className="space-y-3" aria-labelledby="subjects-list">
        <div className="flex items-center justify-between gap-2">
          <h2 id="subjects-list" className="font-medium">{t.title}</h2>
          {!draft && (
            <button type="button" className={smallButton} data-testid="subject-add" onClick={() => open(blank)}>
              {t.add}
            </button>
          )}
        </div>
        {draft && (
          <FormFrame testId="subject-form" onSubmit={submit} onCancel={() => setDraft(null)} pending={add.isPending || update.isPending} error={errors.formError} fieldErrors={errors.errors} focusToken={errors.failedSubmits}>
            {draft.subjectId ? (
              <p className="text-sm text-slate-700">{`${t.fields.code}: ${draft.code}`}</p>
            ) : (
              <div>
                <Field label={t.fields.code} {...field("code")} autoComplete="off" spellCheck={false} />
                <p className="mt-1 text-xs text-slate-600">{t.codeHint}</p>
              </div>
            )}
            <Field label={t.fields.name} {...field("name")} />
            <SelectField label={t.fields.parent} name="parentId" value={draft.parentId} error={errors.errors.parentId} onChange={(e) => set({ parentId: e.target.value })} options={parents} placeholder={t.fields.noParent} />
            <fieldset id="levels">
              <legend className="mb-1 text-sm font-medium text-slate-700">{t.fields.levels}</legend>
              <div className="flex gap-4">
                {SUBJECT_LEVELS.map((level) => (
                  <label key={level} className="flex items-center gap-1">
                    <input
                      type="checkbox"
                      checked={draft.levels.includes(level)}
                      onChange={(e) => set({ levels: e.target.checked ? [...draft.levels, level] : draft.levels.filter((l) => l !== level) })}
                    />
                    {t.levels[level]}
                  </label>
                ))}
              </div>
              {errors.errors.levels && <p id="levels-error" className="mt-1 text-sm text-red-700">{errors.errors.levels}</p>}
            </fieldset>
            <Field label={t.fields.sortOrder} type="number" inputMode="numeric" {...field("sortOrder")} />
            {draft.subjectId && (
              <label className="flex items-center gap-2 self-end">
                <input type="checkbox" name="active" checked={draft.active} onChange={(e) => set({ active: e.target.checked })} />
                {t.fields.active}
              </label>
            )}
          </FormFrame>
        )}
        <QueryState query={list}>
          {(rows) => (
            <PlainTable
              testId="subjects-table"
              empty="—"
              headers={[t.fields.code, t.fields.name, t.fields.levels, t.fields.parent, t.fields.gia, t.fields.uses, t.fields.active, <span key="actions" className="sr-only">{m.transfers.actions}</span>]}
              rows={rows.map((s) => ({
                id: s.id,
                muted: !s.active,
                cells: [
                  <code key="code">{s.code}</code>,
                  s.name,
                  s.levels.map((l) => t.levels[l] ?? l).join(", "),
                  s.parentId ? (nameOf.get(s.parentId) ?? "") : "",
                  s.giaCodes.join(", "),
                  s.uses,
                  s.active ? t.yes : t.no,
                  <button
                    key="edit"
                    type="button"
                    className={smallButton}
                    aria-label={`${t.edit}: ${s.name}`}
                    onClick={() => open({ subjectId: s.id, code: s.code, name: s.name, levels: s.levels, parentId: s.parentId ?? "", sortOrder: String(s.sortOrder), active: s.active })}
                  >
                    {t.edit}
                  </button>,
                ],
              }))}
            />
          )}
        </QueryState>
      </section>
      <UnmappedSubjects subjects={subjects.filter((s) => s.active).map((s) => ({ value: s.id, label: s.name }))} />
    </div>
  );
}
