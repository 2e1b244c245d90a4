"use client";
// Add a class to the chosen academic year: programme, grade and letter. The
// grade is checked against the programme's level before the server sees it.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/field";
import { issuesToErrors, serverErrorsOf, type FieldErrors } from "@/lib/errors/form-errors";
import { useMessages } from "@/components/messages-provider";
import { SelectField } from "@/components/select-field";
import { academicYearLabel, gradeMismatch, ZCreateClassInput } from "@/lib/schemas/programme";
import { useTRPC } from "@/trpc/react";
import { classLabel, type ProgrammeRow } from "./types";

interface ClassFormProps {
  academicYear: number;
  programmes: ProgrammeRow[];
  onDone: (notice: string) => void;
  onCancel: () => void;
}

export function ClassForm({ academicYear, programmes, onDone, onCancel }: ClassFormProps) {
  const { m } = useMessages();
  const t = m.programmes;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState({ programmeId: programmes.length === 1 ? (programmes[0]?.id ?? "") : "", grade: "", letter: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const create = useMutation(
    trpc.school.programmes.createClass.mutationOptions({
      onSuccess: async (_, input) => {
        await queryClient.invalidateQueries({ queryKey: trpc.school.programmes.pathKey() });
        onDone(t.classCreated(classLabel({ grade: input.grade, letter: input.letter.trim().toUpperCase() })));
      },
      onError: (error) => {
        const { fields, form } = serverErrorsOf(error, t.checkFields);
        setErrors(fields);
        setFormError(form);
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { academicYear, programmeId: draft.programmeId, grade: draft.grade.trim() === "" ? Number.NaN : Number(draft.grade), letter: draft.letter };
    const parsed = ZCreateClassInput.safeParse(input);
    const next = parsed.success ? {} : issuesToErrors(parsed.error.issues);
    const level = programmes.find((p) => p.id === draft.programmeId)?.level;
    const mismatch = level && !next.grade && Number.isInteger(input.grade) ? gradeMismatch(level, input.grade) : null;
    if (mismatch) next.grade = mismatch;
    setErrors(next);
    if (Object.keys(next).length > 0) {
      setFormError(t.checkFields);
      return;
    }
    setFormError(null);
    create.mutate(input);
  }

  const bind = (key: keyof typeof draft) => ({
    name: `class.${key}`,
    value: draft[key],
    error: errors[key],
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value })),
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="class-form">
      <h3 className="font-semibold">{`${t.createClassTitle} (${academicYearLabel(academicYear)})`}</h3>
      <div className="grid gap-4 md:grid-cols-4">
        <SelectField
          label={t.programme}
          {...bind("programmeId")}
          className="md:col-span-2"
          placeholder={t.choose}
          options={programmes.map((p) => ({ value: p.id, label: `${p.name} (${m.vocab.levels[p.level]})` }))}
        />
        <Field label={t.grade} {...bind("grade")} inputMode="numeric" maxLength={2} />
        <Field label={t.letter} {...bind("letter")} maxLength={2} autoComplete="off" />
      </div>
      {formError && (
        <p role="alert" data-testid="form-error" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">
          {formError}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" disabled={create.isPending} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-50">
          {m.common.save}
        </button>
        <button type="button" onClick={onCancel} className="rounded border border-slate-300 bg-white px-4 py-2 hover:bg-slate-100">
          {m.common.cancel}
        </button>
      </div>
    </form>
  );
}
