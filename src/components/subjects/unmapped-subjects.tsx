"use client";
// Free-text subjects no rule mapped (entered before the vocabulary): each
// spelling with its counts per organisation, and one form mapping a spelling
// to a vocabulary subject (every record of that spelling, one transaction).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { FormFrame, PlainTable } from "@/components/learners/card/portfolio/portfolio-form";
import { useMessages } from "@/components/messages-provider";
import { QueryState } from "@/components/query-state";
import { SelectField } from "@/components/select-field";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { ZMapSubjectTextInput } from "@/lib/schemas/subjects";
import { useTRPC } from "@/trpc/react";

export function UnmappedSubjects({ subjects }: { subjects: { value: string; label: string }[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { m } = useMessages();
  const t = m.subjects;
  const unmapped = useQuery(trpc.ministry.subjects.unmapped.queryOptions());
  const [draft, setDraft] = useState({ text: "", subjectId: "" });
  const [result, setResult] = useState<string | null>(null);
  const errors = useFormErrors(t.checkFields);
  const map = useMutation(
    trpc.ministry.subjects.mapText.mutationOptions({
      onSuccess: async (done) => {
        setResult(t.mapped(done.grades, done.exams));
        setDraft({ text: "", subjectId: "" });
        await queryClient.invalidateQueries({ queryKey: trpc.ministry.subjects.pathKey() });
      },
      onError: errors.server,
    }),
  );
  function submit() {
    setResult(null);
    const data = errors.validate(ZMapSubjectTextInput, draft);
    if (data) map.mutate(data);
  }

  return (
    <section className="space-y-3" aria-labelledby="subjects-unmapped">
      <h2 id="subjects-unmapped" className="font-medium">{t.unmappedTitle}</h2>
      <p className="text-sm text-slate-600">{t.unmappedLead}</p>
      {result && (
        <p role="status" className="text-sm text-green-800" data-testid="subject-mapped">
          {result}
        </p>
      )}
      <QueryState query={unmapped}>
        {(rows) =>
          rows.length === 0 ? (
            <p className="text-sm text-slate-500" data-testid="unmapped-subjects">{t.noUnmapped}</p>
          ) : (
            <>
              <FormFrame testId="subject-map-form" onSubmit={submit} onCancel={() => setDraft({ text: "", subjectId: "" })} pending={map.isPending} error={errors.formError} fieldErrors={errors.errors} focusToken={errors.failedSubmits}>
                <SelectField
                  label={t.text}
                  name="text"
                  value={draft.text}
                  error={errors.errors.text}
                  onChange={(e) => setDraft((d) => ({ ...d, text: e.target.value }))}
                  options={rows.map((r) => ({ value: r.texts[0]!, label: `${r.texts.join(" / ")} (${r.total})` }))}
                  placeholder={m.learnerForm.choose}
                />
                <SelectField
                  label={t.mapTo}
                  name="subjectId"
                  value={draft.subjectId}
                  error={errors.errors.subjectId}
                  onChange={(e) => setDraft((d) => ({ ...d, subjectId: e.target.value }))}
                  options={subjects}
                  placeholder={m.learnerForm.choose}
                />
              </FormFrame>
              <PlainTable
                testId="unmapped-subjects"
                empty={t.noUnmapped}
                headers={[t.text, t.total, t.organisations]}
                rows={rows.map((r) => ({
                  id: r.key,
                  cells: [r.texts.join(" / "), r.total, r.organisations.map((o) => `${o.shortName} (${o.grades} / ${o.exams})`).join("; ")],
                }))}
              />
            </>
          )
        }
      </QueryState>
    </section>
  );
}
