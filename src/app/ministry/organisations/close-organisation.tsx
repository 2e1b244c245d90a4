"use client";
// Closing an organisation: a date, then an explicit confirmation. The server
// refuses while learners are on its books and says what to do instead.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/field";
import { useMessages } from "@/components/messages-provider";
import { errorOfField, serverErrorsOf } from "@/lib/errors/form-errors";
import { formatDate } from "@/lib/format";
import { todayIso } from "@/lib/schemas/person";
import { ZCloseOrganisationInput } from "@/lib/schemas/organisation";
import { useTRPC } from "@/trpc/react";
import type { OrganisationRow } from "./organisation-form";

interface CloseOrganisationProps {
  organisation: OrganisationRow;
  onDone: (notice: string) => void;
  onCancel: () => void;
}

export function CloseOrganisation({ organisation, onDone, onCancel }: CloseOrganisationProps) {
  const { m, locale } = useMessages();
  const t = m.organisations;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [closedAt, setClosedAt] = useState(todayIso);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const close = useMutation(
    trpc.ministry.organisations.close.mutationOptions({
      onSuccess: async (org) => {
        await queryClient.invalidateQueries({ queryKey: trpc.ministry.organisations.list.queryKey() });
        onDone(t.closed(org.shortName));
      },
      onError: (error) => {
        const mapped = serverErrorsOf(error, m.errors.generic, ["closedAt"]);
        setFieldError(mapped.fields.closedAt);
        setFormError(mapped.form);
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const parsed = ZCloseOrganisationInput.safeParse({ id: organisation.id, closedAt });
    if (!parsed.success) {
      setFieldError(errorOfField(parsed.error.issues, "closedAt", locale) ?? t.checkFields);
      return;
    }
    setFieldError(undefined);
    if (!window.confirm(t.confirmClose(organisation.shortName, formatDate(parsed.data.closedAt)))) return;
    close.mutate(parsed.data);
  }

  return (
    <section aria-labelledby="close-organisation-title" className="rounded-lg border border-red-200 bg-white p-6 shadow-sm" data-testid="close-organisation">
      <h2 id="close-organisation-title" className="mb-2 text-lg font-semibold">
        {t.closeTitle(organisation.shortName)}
      </h2>
      <p className="mb-4 text-sm text-slate-600">{t.closeHint}</p>
      <form method="post" onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-3">
        <Field label={t.closedAt} name="closedAt" type="date" value={closedAt} max={todayIso()} onChange={(e) => setClosedAt(e.target.value)} error={fieldError} />
        <div className="flex gap-3 pt-6">
          <button type="submit" disabled={close.isPending} className="rounded bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800 disabled:opacity-60">
            {close.isPending ? t.submitting : t.submitClose}
          </button>
          <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-4 py-2 hover:bg-slate-100">
            {m.common.cancel}
          </button>
        </div>
        {formError && (
          <p role="alert" data-testid="close-error" className="basis-full rounded bg-red-50 px-3 py-2 text-sm text-red-700">
            {formError}
          </p>
        )}
      </form>
    </section>
  );
}
