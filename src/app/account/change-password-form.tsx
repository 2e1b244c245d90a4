"use client";
// Change the own password: current password, new one twice. The policy
// (length, common passwords) is checked on the server and shown on the field;
// a failed submit focuses the error summary.
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/field";
import { ErrorSummary } from "@/components/forms/error-summary";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { useMessages } from "@/components/messages-provider";
import { ZChangePasswordInput } from "@/lib/schemas/auth";
import { useTRPC } from "@/trpc/react";
import { useHydrated } from "@/components/forms/use-hydrated";

const FIELDS = ["currentPassword", "newPassword", "repeatPassword"] as const;

export function ChangePasswordForm() {
  const hydrated = useHydrated();
  const { m, locale } = useMessages();
  const trpc = useTRPC();
  const errorState = useFormErrors(m.errors.generic, { fields: FIELDS, locale });
  const { errors } = errorState;
  const [notice, setNotice] = useState<string | null>(null);
  const change = useMutation(trpc.account.changePassword.mutationOptions({ onError: errorState.server }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setNotice(null);
    const parsed = errorState.validate(ZChangePasswordInput, {
      currentPassword: data.get("currentPassword"),
      newPassword: data.get("newPassword"),
      repeatPassword: data.get("repeatPassword"),
    });
    if (!parsed) return;
    change.mutate(parsed, {
      onSuccess: (result) => {
        form.reset();
        setNotice(m.accountPage.passwordChanged(result.otherSessionsEnded));
      },
    });
  }

  return (
    <section aria-labelledby="password-title" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="password-title" className="mb-2 text-lg font-semibold">{m.accountPage.passwordTitle}</h2>
      <p className="mb-4 text-sm text-slate-500">{m.accountPage.passwordHint}</p>
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        <ErrorSummary errors={errors} message={errorState.formError} focusToken={errorState.failedSubmits} />
        <Field label={m.accountPage.currentPassword} name="currentPassword" type="password" autoComplete="current-password" maxLength={256} error={errors.currentPassword} />
        <Field label={m.accountPage.newPassword} name="newPassword" type="password" autoComplete="new-password" maxLength={256} error={errors.newPassword} />
        <Field label={m.accountPage.repeatPassword} name="repeatPassword" type="password" autoComplete="new-password" maxLength={256} error={errors.repeatPassword} />
        {notice && <p role="status" className="rounded bg-green-50 px-3 py-2 text-sm text-green-800">{notice}</p>}
        <button type="submit" disabled={change.isPending || !hydrated} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {change.isPending ? m.accountPage.changing : m.accountPage.changePassword}
        </button>
      </form>
    </section>
  );
}
