"use client";
// Adding a representative to a learner, or changing one, from the card.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { checkLeftField } from "@/components/forms/check-left-field";
import { ErrorSummary } from "@/components/forms/error-summary";
import { useMessages } from "@/components/messages-provider";
import { ZAddRepresentativeInput, ZUpdateRepresentativeInput } from "@/lib/schemas/representative";
import { useTRPC } from "@/trpc/react";
import { issuesToErrors, serverErrorsOf, type FieldErrors, type ServerError } from "@/lib/errors/form-errors";
import type { RepresentativeDraft } from "../form/form-model";
import { RepresentativeFields } from "../form/representative-fields";

interface RepresentativeEditorProps {
  learnerId: string;
  /** Absent when adding. */
  representativeId?: string;
  initial: RepresentativeDraft;
  onDone: () => void;
}

export function RepresentativeEditor({ learnerId, representativeId, initial, onDone }: RepresentativeEditorProps) {
  const { m, locale } = useMessages();
  const t = m.learnerForm;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);

  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.learners.card.queryKey({ id: learnerId }) });
    await queryClient.invalidateQueries({ queryKey: trpc.learners.list.queryKey() });
    onDone();
  };
  const onError = (error: ServerError) => {
    const mapped = serverErrorsOf(error, t.checkFields);
    setErrors(mapped.fields);
    setFormError(mapped.form);
    setFailedSubmits((n) => n + 1);
  };
  const add = useMutation(trpc.learners.addRepresentative.mutationOptions({ onSuccess: done, onError }));
  const update = useMutation(trpc.learners.updateRepresentative.mutationOptions({ onSuccess: done, onError }));
  const pending = add.isPending || update.isPending;

  /** The draft checked with the procedure's own schema. */
  const parseDraft = () =>
    representativeId
      ? ZUpdateRepresentativeInput.safeParse({ learnerId, representativeId, representative: draft })
      : ZAddRepresentativeInput.safeParse({ learnerId, representative: draft });
  /** Leaving a field checks it (SNILS check digits, dates). */
  const checkLeft = checkLeftField(parseDraft, errors, setErrors, locale);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    setErrors({});
    if (representativeId) {
      const parsed = ZUpdateRepresentativeInput.safeParse({ learnerId, representativeId, representative: draft });
      if (parsed.success) update.mutate(parsed.data);
      else invalid(parsed.error.issues);
    } else {
      const parsed = ZAddRepresentativeInput.safeParse({ learnerId, representative: draft });
      if (parsed.success) add.mutate(parsed.data);
      else invalid(parsed.error.issues);
    }
  }
  function invalid(issues: Parameters<typeof issuesToErrors>[0]) {
    setErrors(issuesToErrors(issues, locale));
    setFailedSubmits((n) => n + 1);
  }

  return (
    <form method="post" onSubmit={onSubmit} onBlur={checkLeft} noValidate className="space-y-3 rounded border border-brand-600/30 bg-slate-50 p-3" data-testid="representative-editor">
      <ErrorSummary errors={errors} message={formError} focusToken={failedSubmits} />
      <RepresentativeFields prefix="representative" draft={draft} errors={errors} onChange={(p) => setDraft((d) => ({ ...d, ...p }))} />
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-50">
          {pending ? t.submitting : m.common.save}
        </button>
        <button type="button" onClick={onDone} className="rounded border border-slate-300 px-4 py-2 hover:bg-slate-100">
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
