"use client";
// Enrolment of a person already in the regional registry: found by SNILS and
// birth date (both must match), placed into a class by an enrolment order.
// The registry reveals nothing else about the person before enrolment.
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/field";
import { useMessages } from "@/components/messages-provider";
import { emptyOrder, FormAlert, FormButtons, OrderFields } from "@/components/movement/order-fields";
import { emptyPlacement, placementInput, PlacementFields } from "@/components/movement/placement-fields";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { ZEnrolExistingInput } from "@/lib/schemas/movement";
import { useTRPC } from "@/trpc/react";

export function EnrolPage() {
  const { m } = useMessages();
  const t = m.movement;
  const trpc = useTRPC();
  const router = useRouter();
  const [snils, setSnils] = useState("");
  const [birthDate, setBirthDate] = useState("");
  const [placement, setPlacement] = useState(emptyPlacement);
  const [order, setOrder] = useState(emptyOrder);
  const form = useFormErrors(m.transfers.checkFields);

  const enrol = useMutation(
    trpc.movement.enrolExisting.mutationOptions({
      onSuccess: ({ learnerId }) => router.push(`/school/learners/${learnerId}`),
      onError: (error) => {
        const code = error.data?.code;
        // Both refusals concern the person, not one field: say it once, above the buttons.
        if (code === "NOT_FOUND") form.server({ message: t.notInRegistry });
        else if (code === "CONFLICT") form.server({ message: error.message });
        else form.server(error);
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = form.validate(ZEnrolExistingInput, { snils, birthDate, placement: placementInput(placement), order });
    if (data) enrol.mutate(data);
  }

  return (
    <div className="space-y-4">
      <Link href="/school/learners" className="text-sm text-brand-600 hover:underline">
        ← {m.learnerCard.back}
      </Link>
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-5 rounded-lg border border-slate-200 bg-white p-4" data-testid="enrol-form">
        <div>
          <h1 className="text-xl font-semibold">{t.enrolTitle}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{t.enrolIntro}</p>
        </div>
        <fieldset className="grid gap-3 sm:grid-cols-3">
          <legend className="mb-2 text-sm font-semibold text-slate-800">{t.identitySection}</legend>
          <Field
            label={t.snils}
            name="snils"
            value={snils}
            placeholder={m.learnerForm.snilsPlaceholder}
            inputMode="numeric"
            autoComplete="off"
            error={form.errors.snils}
            onChange={(e) => setSnils(e.target.value)}
          />
          <Field label={t.birthDate} name="birthDate" type="date" value={birthDate} error={form.errors.birthDate} onChange={(e) => setBirthDate(e.target.value)} />
        </fieldset>
        <PlacementFields title={m.transfers.placementSection} draft={placement} errors={form.errors} onChange={(p) => setPlacement((d) => ({ ...d, ...p }))} date={order.effectiveDate} />
        <OrderFields title={t.enrolOrderSection} draft={order} errors={form.errors} onChange={(p) => setOrder((o) => ({ ...o, ...p }))} />
        <FormAlert text={form.formError} errors={form.errors} focusToken={form.failedSubmits} />
        <FormButtons submit={t.submitEnrol} pending={enrol.isPending} onCancel={() => router.push("/school/learners")} />
      </form>
    </div>
  );
}
