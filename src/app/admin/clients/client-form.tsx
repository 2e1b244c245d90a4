"use client";
// Registering a machine client. The browser checks with the same zod schema as
// the server; the server's field errors are mapped back onto the fields, and
// a failed submit focuses the error summary.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/field";
import { ErrorSummary } from "@/components/forms/error-summary";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { useMessages } from "@/components/messages-provider";
import { SelectField } from "@/components/select-field";
import { MACHINE_CLIENT_KINDS, ZRegisterClientInput, type MachineClientKind } from "@/lib/schemas/api-clients";
import { useTRPC } from "@/trpc/react";

const FIELDS = ["name", "kind", "organisationId", "rateLimitPerMinute"] as const;

export function ClientForm({ onIssued, onCancel }: { onIssued: (name: string, token: string) => void; onCancel: () => void }) {
  const { m, locale } = useMessages();
  const t = m.apiClients;
  const trpc = useTRPC();
  const options = useQuery(trpc.admin.machineClients.organisationOptions.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const [draft, setDraft] = useState({ name: "", kind: "" as MachineClientKind | "", organisationId: "", rateLimitPerMinute: "120" });
  const form = useFormErrors(t.checkFields, { fields: FIELDS, locale });
  const { errors } = form;

  const register = useMutation(
    trpc.admin.machineClients.register.mutationOptions({
      onSuccess: ({ client, token }) => onIssued(client.name, token),
      onError: form.server,
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { ...draft, kind: draft.kind || undefined, organisationId: draft.kind === "E_JOURNAL" ? draft.organisationId : null };
    if (!form.validate(ZRegisterClientInput, input)) return;
    register.mutate(input as Parameters<typeof register.mutate>[0]);
  }

  const set = (name: keyof typeof draft, value: string) => setDraft((d) => ({ ...d, [name]: value }));
  const organisations = (options.data ?? []).flatMap((mun) => mun.organisations.map((o) => ({ value: o.id, label: `${o.shortName} (${mun.name})` })));
  return (
    <section aria-labelledby="client-form-title" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm" data-testid="client-form">
      <h2 id="client-form-title" className="mb-4 text-lg font-semibold">
        {t.registerTitle}
      </h2>
      <form method="post" onSubmit={onSubmit} noValidate className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <div className="md:col-span-2 empty:hidden">
          <ErrorSummary errors={errors} message={form.formError} focusToken={form.failedSubmits} />
        </div>
        <Field label={t.name} name="name" value={draft.name} onChange={(e) => set("name", e.target.value)} maxLength={200} error={errors.name} autoFocus />
        <SelectField
          label={t.kind}
          name="kind"
          value={draft.kind}
          onChange={(e) => set("kind", e.target.value)}
          placeholder={t.chooseKind}
          options={MACHINE_CLIENT_KINDS.map((k) => ({ value: k, label: t.kinds[k] }))}
          error={errors.kind}
        />
        {draft.kind === "E_JOURNAL" && (
          <SelectField
            label={t.organisation}
            name="organisationId"
            value={draft.organisationId}
            onChange={(e) => set("organisationId", e.target.value)}
            placeholder={t.chooseOrganisation}
            options={organisations}
            error={errors.organisationId}
          />
        )}
        <Field label={t.rateLimit} name="rateLimitPerMinute" inputMode="numeric" value={draft.rateLimitPerMinute} onChange={(e) => set("rateLimitPerMinute", e.target.value)} error={errors.rateLimitPerMinute} />
        <div className="flex gap-3 md:col-span-2">
          <button type="submit" disabled={register.isPending} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
            {register.isPending ? t.submitting : t.submit}
          </button>
          <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-4 py-2 hover:bg-slate-50">
            {t.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
