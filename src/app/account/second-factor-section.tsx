"use client";
// Second-factor status on the account page; school roles may enrol here.
import { useQuery } from "@tanstack/react-query";
import { TotpEnrolment } from "@/components/account/totp-enrolment";
import { useMessages } from "@/components/messages-provider";
import { useTRPC } from "@/trpc/react";

export function SecondFactorSection({ required }: { required: boolean }) {
  const { m } = useMessages();
  const trpc = useTRPC();
  const security = useQuery(trpc.account.security.queryOptions());
  return (
    <section aria-labelledby="second-factor-title" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm" data-testid="second-factor">
      <h2 id="second-factor-title" className="mb-2 text-lg font-semibold">{m.accountPage.secondFactorTitle}</h2>
      {security.data?.totpEnabled ? (
        <>
          <p className="text-sm">{m.accountPage.secondFactorOn(security.data.recoveryCodesLeft)}</p>
          <p className="mt-2 text-sm text-slate-500">{m.accountPage.secondFactorResetHint}</p>
        </>
      ) : security.data ? (
        <>
          <p className="mb-3 text-sm">{m.accountPage.secondFactorOff}</p>
          <TotpEnrolment required={required} continueTo="/account" />
        </>
      ) : (
        <p className="text-sm text-slate-500">{m.common.loading}</p>
      )}
    </section>
  );
}
