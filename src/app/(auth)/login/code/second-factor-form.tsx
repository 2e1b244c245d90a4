"use client";
// Second sign-in step: a code from the app or a recovery code.
import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/field";
import { useMessages } from "@/components/messages-provider";
import { issuesToErrors, serverErrorsOf } from "@/lib/errors/form-errors";
import { ZSecondFactorInput } from "@/lib/schemas/auth";
import { useTRPC } from "@/trpc/react";
import { useHydrated } from "@/components/forms/use-hydrated";

export function SecondFactorForm() {
  const hydrated = useHydrated();
  const { m, locale } = useMessages();
  const trpc = useTRPC();
  const [error, setError] = useState<string | null>(null);
  const verify = useMutation(
    trpc.account.verifySecondFactor.mutationOptions({
      onSuccess: () => window.location.assign("/"),
      onError: (e) => {
        const mapped = serverErrorsOf(e, m.errors.generic, ["code"]);
        setError(mapped.fields.code ?? mapped.form);
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ZSecondFactorInput.safeParse({ code: new FormData(event.currentTarget).get("code") });
    if (!parsed.success) return setError(issuesToErrors(parsed.error.issues, locale).code ?? m.login.invalidInput);
    setError(null);
    verify.mutate(parsed.data);
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <p className="text-sm text-slate-600">{m.secondFactor.intro}</p>
      <Field label={m.secondFactor.code} name="code" autoComplete="one-time-code" maxLength={32} autoFocus error={error ?? undefined} />
      <button type="submit" disabled={verify.isPending || !hydrated} className="w-full rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {verify.isPending ? m.secondFactor.submitting : m.secondFactor.submit}
      </button>
      <button type="button" onClick={() => void signOut({ callbackUrl: "/login" })} className="w-full text-sm text-slate-600 hover:underline">
        {m.secondFactor.otherAccount}
      </button>
    </form>
  );
}
