"use client";
// Consents to personal data processing: who gave them, when, whether still
// in force. Writers record a new one or withdraw one as of today.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { useMessages } from "@/components/messages-provider";
import { SelectField } from "@/components/select-field";
import { formatDate } from "@/lib/format";
import { ZGiveConsentInput } from "@/lib/schemas/representative";
import { useTRPC } from "@/trpc/react";
import { fullName } from "../display";
import { ConsentFields } from "../form/consent-fields";
import { issuesToErrors, serverErrorsOf, type FieldErrors } from "@/lib/errors/form-errors";
import { todayIso } from "../form/form-model";
import { Section, type PersonalLearner } from "./card-query";

interface ConsentsSectionProps {
  learnerId: string;
  consents: PersonalLearner["consents"];
  representatives: PersonalLearner["representatives"];
  canWrite: boolean;
}

export function ConsentsSection({ learnerId, consents, representatives, canWrite }: ConsentsSectionProps) {
  const { m } = useMessages();
  const t = m.learnerCard;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [giving, setGiving] = useState(false);
  const [draft, setDraft] = useState({ representativeId: "", givenAt: todayIso(), scope: m.learnerForm.consentScopeDefault });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.learners.card.queryKey({ id: learnerId }) });
  const onError = (e: Parameters<typeof serverErrorsOf>[0]) => {
    const mapped = serverErrorsOf(e, m.learnerForm.checkFields);
    setErrors(mapped.fields);
    setError(mapped.form);
    if (Object.keys(mapped.fields).length > 0) setFailedSubmits((n) => n + 1);
  };
  const give = useMutation(trpc.learners.giveConsent.mutationOptions({ onSuccess: async () => (await refresh(), setGiving(false)), onError }));
  const withdraw = useMutation(trpc.learners.withdrawConsent.mutationOptions({ onSuccess: refresh, onError }));
  const names = new Map(representatives.map((r) => [r.id, fullName(r)]));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const input = { learnerId, representativeId: draft.representativeId, consent: { givenAt: draft.givenAt, scope: draft.scope } };
    const parsed = ZGiveConsentInput.safeParse(input);
    if (!parsed.success) {
      setErrors(issuesToErrors(parsed.error.issues));
      return setFailedSubmits((n) => n + 1);
    }
    setErrors({});
    give.mutate(parsed.data);
  }

  const small = "rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100";
  return (
    <Section
      title={t.consents}
      testId="consents-section"
      actions={
        canWrite && !giving && representatives.length > 0 ? (
          <button type="button" className={small} onClick={() => {
              // The primary contact (listed first by the server) usually gives the consent.
              setDraft((d) => ({ ...d, representativeId: representatives.some((r) => r.id === d.representativeId) ? d.representativeId : (representatives[0]?.id ?? "") }));
              setGiving(true);
            }}>
            {t.giveConsent}
          </button>
        ) : undefined
      }
    >
      {error && (
        <p role="alert" className="mb-3 rounded bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      )}
      {giving && (
        <form method="post" onSubmit={onSubmit} noValidate className="mb-3 space-y-3 rounded border border-brand-600/30 bg-slate-50 p-3" data-testid="consent-editor">
          <ErrorSummary errors={errors} focusToken={failedSubmits} />
          <SelectField
            label={t.consentBy}
            name="representativeId"
            value={draft.representativeId}
            error={errors.representativeId}
            onChange={(e) => setDraft((d) => ({ ...d, representativeId: e.target.value }))}
            options={representatives.map((r) => ({ value: r.id, label: fullName(r) }))}
            placeholder={m.learnerForm.choose}
          />
          <ConsentFields prefix="consent" draft={draft} errors={errors} onChange={(key, value) => setDraft((d) => ({ ...d, [key]: value }))} />
          <div className="flex gap-2">
            <button type="submit" disabled={give.isPending} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-50">
              {m.common.save}
            </button>
            <button type="button" onClick={() => setGiving(false)} className="rounded border border-slate-300 px-4 py-2 hover:bg-slate-100">
              {m.common.cancel}
            </button>
          </div>
        </form>
      )}
      {consents.length === 0 ? (
        <p className="text-sm text-slate-500">{t.noConsents}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {consents.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center gap-3 py-2" data-testid={`consent-${c.id}`}>
              <span className="whitespace-nowrap">{formatDate(c.givenAt)}</span>
              <span>{names.get(c.representativeId) ?? m.common.none}</span>
              <span className="text-slate-600">{c.scope}</span>
              <span className={`rounded px-2 py-0.5 text-xs ${c.withdrawnAt ? "bg-slate-100 text-slate-600" : "bg-green-50 text-green-800"}`}>
                {c.withdrawnAt ? t.consentWithdrawn(formatDate(c.withdrawnAt)) : t.consentActive}
              </span>
              {canWrite && !c.withdrawnAt && (
                <button
                  type="button"
                  disabled={withdraw.isPending}
                  className="ml-auto rounded border border-red-300 px-2 py-1 text-red-700 hover:bg-red-50 disabled:opacity-50"
                  onClick={() => {
                    if (!window.confirm(t.confirmWithdraw)) return;
                    setError(null);
                    withdraw.mutate({ learnerId, consentId: c.id, withdrawnAt: todayIso() });
                  }}
                >
                  {t.withdrawConsent}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
