"use client";
// TOTP enrolment: the server makes the secret and the QR code (an SVG data
// URL, no outside service); the first valid code confirms it; the recovery
// codes are shown once.
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/field";
import { useMessages } from "@/components/messages-provider";
import { serverErrorsOf } from "@/lib/errors/form-errors";
import { useTRPC } from "@/trpc/react";

export function TotpEnrolment({ required, continueTo }: { required: boolean; continueTo: string }) {
  const { m } = useMessages();
  const trpc = useTRPC();
  const [codeError, setCodeError] = useState<string | null>(null);
  const begin = useMutation(trpc.account.beginTotp.mutationOptions());
  const confirm = useMutation(
    trpc.account.confirmTotp.mutationOptions({
      onError: (error) => {
        const mapped = serverErrorsOf(error, m.errors.generic, ["code"]);
        setCodeError(mapped.fields.code ?? mapped.form);
      },
    }),
  );

  if (confirm.data) {
    return (
      <div className="space-y-4" data-testid="recovery-codes">
        <h2 className="font-semibold">{m.enrol.recoveryTitle}</h2>
        <p className="text-sm text-slate-600">{m.enrol.recoveryIntro}</p>
        <ul className="grid grid-cols-2 gap-2 rounded bg-slate-50 p-3 font-mono text-sm">
          {confirm.data.recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <button type="button" onClick={() => window.location.assign(continueTo)} className="w-full rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          {m.enrol.continue}
        </button>
      </div>
    );
  }

  if (!begin.data) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-slate-600">{required ? m.enrol.requiredIntro : m.enrol.optionalIntro}</p>
        {begin.error && <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">{begin.error.message}</p>}
        <button type="button" disabled={begin.isPending} onClick={() => begin.mutate()} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {begin.isPending ? m.enrol.starting : m.enrol.start}
        </button>
      </div>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").trim();
    setCodeError(null);
    confirm.mutate({ code });
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{m.enrol.scan}</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server, nothing to optimise */}
      <img src={begin.data.qrDataUrl} alt={m.enrol.qrAlt} width={200} height={200} className="mx-auto" data-testid="totp-qr" />
      <div className="text-sm">
        <span className="text-slate-500">{m.enrol.secret}: </span>
        <code className="break-all font-mono" data-testid="totp-secret">{begin.data.secret}</code>
      </div>
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        <Field label={m.enrol.code} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} error={codeError ?? undefined} />
        <button type="submit" disabled={confirm.isPending} className="w-full rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {confirm.isPending ? m.enrol.confirming : m.enrol.confirm}
        </button>
      </form>
    </div>
  );
}
