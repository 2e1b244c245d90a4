"use client";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { useMessages } from "@/components/messages-provider";
import { Field } from "@/components/field";
import { issuesToErrors, type FieldErrors } from "@/lib/errors/form-errors";
import { ZSignInInput } from "@/lib/schemas/auth";
import { signInMessage } from "./sign-in-message";
import { useHydrated } from "@/components/forms/use-hydrated";

/** `errorCode`: the fixed code of a failed sign-in that redirected here (/login?error=…). */
export function LoginForm({ errorCode }: { errorCode?: string }) {
  const hydrated = useHydrated();
  const { m, locale } = useMessages();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(() => signInMessage(m, errorCode));
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = ZSignInInput.safeParse({ login: data.get("login"), password: data.get("password") });
    setFormError(null);
    if (!parsed.success) {
      setFieldErrors(issuesToErrors(parsed.error.issues, locale));
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const result = await signIn("credentials", { ...parsed.data, redirect: false });
      if (result?.ok && !result.error) {
        // The server sends each role to its second step (code or enrolment) or its portal.
        window.location.assign("/");
        return;
      }
      // result.error is one of the fixed codes (sign-in-errors.ts); none at all means a wrong login or password.
      setFormError(signInMessage(m, result?.error || "invalid_credentials"));
    } catch {
      setFormError(m.login.unavailable);
    } finally {
      setPending(false);
    }
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <Field label={m.login.login} name="login" autoComplete="username" error={fieldErrors.login} maxLength={64} />
      <Field
        label={m.login.password}
        name="password"
        type="password"
        autoComplete="current-password"
        error={fieldErrors.password}
        maxLength={256}
      />
      {formError && (
        <p role="alert" data-testid="form-error" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">
          {formError}
        </p>
      )}
      <button
        type="submit"
        disabled={pending || !hydrated}
        className="w-full rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? m.login.submitting : m.login.submit}
      </button>
    </form>
  );
}
