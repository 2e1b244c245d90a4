"use client";
// Creating a learner (learner, enrolment, representatives, consent) and
// editing one (learner section only). The browser checks the draft with the
// procedures' own zod schema; the server's answer is mapped onto the same
// dotted field names, and a duplicate is offered instead of a second record.
// A field is checked with the same schema when it is left; a failed submit
// focuses the error summary; leaving with unsaved changes asks first.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { checkLeftField } from "@/components/forms/check-left-field";
import { ErrorSummary } from "@/components/forms/error-summary";
import { useUnsavedChangesWarning } from "@/components/forms/use-unsaved-changes-warning";
import { useMessages } from "@/components/messages-provider";
import { ZCreateLearnerInput, ZUpdateLearnerInput } from "@/lib/schemas/learner";
import { ADDRESS_FIELD, ADDRESS_KINDS, type AddressHouses } from "@/lib/schemas/learner-addresses";
import { useTRPC } from "@/trpc/react";
import { ConflictNotice, conflictOf, type Conflict } from "./conflict-notice";
import { ConsentFields } from "./consent-fields";
import { EnrolmentFields } from "./enrolment-fields";
import { issuesToErrors, serverErrorsOf, type FieldErrors, type ServerError } from "@/lib/errors/form-errors";
import { consentEntered, emptyEnrolment, emptyLearner, type ConsentDraft, type LearnerDraft, type RepresentativeDraft } from "./form-model";
import { LearnerFields } from "./learner-fields";
import { RepresentativesList } from "./representatives-list";

export type LearnerFormProps = { mode: "create" } | { mode: "edit"; id: string; initial: LearnerDraft; title: string };

export function LearnerForm(props: LearnerFormProps) {
  const { m, locale } = useMessages();
  const t = m.learnerForm;
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [learner, setLearner] = useState<LearnerDraft>(props.mode === "edit" ? props.initial : emptyLearner);
  const [enrolment, setEnrolment] = useState(emptyEnrolment);
  const [representatives, setRepresentatives] = useState<RepresentativeDraft[]>([]);
  const [consent, setConsent] = useState<ConsentDraft>({ givenAt: "", scope: "" });
  // Houses picked from the address suggestions; typing in an address field forgets its pick.
  const [addressHouses, setAddressHouses] = useState<AddressHouses>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const snapshot = JSON.stringify({ learner, enrolment, representatives, consent });
  const initialSnapshot = useRef(snapshot);

  const onSaved = async ({ id }: { id: string }) => {
    await queryClient.invalidateQueries({ queryKey: trpc.learners.list.queryKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.learners.card.queryKey({ id }) });
    router.push(`/school/learners/${id}`);
  };
  const onError = (error: ServerError) => {
    const mapped = serverErrorsOf(error, t.checkFields);
    setErrors(mapped.fields);
    setConflict(conflictOf(error));
    setFormError(mapped.form);
    setFailedSubmits((n) => n + 1);
  };
  const create = useMutation(trpc.learners.create.mutationOptions({ onSuccess: onSaved, onError }));
  const update = useMutation(trpc.learners.update.mutationOptions({ onSuccess: onSaved, onError }));
  const pending = create.isPending || update.isPending || create.isSuccess || update.isSuccess;
  // Saved means nothing is lost by leaving (the page is navigating to the card).
  useUnsavedChangesWarning(snapshot !== initialSnapshot.current && !create.isSuccess && !update.isSuccess);

  /** The draft checked with the procedure's own schema. */
  function parseDraft(acknowledgeDuplicate: boolean) {
    if (props.mode === "edit") return { edit: true as const, parsed: ZUpdateLearnerInput.safeParse({ id: props.id, learner, addressHouses }) };
    const input = { learner, enrolment, representatives, consent: consentEntered(consent) ? consent : undefined, acknowledgeDuplicate, addressHouses };
    return { edit: false as const, parsed: ZCreateLearnerInput.safeParse(input) };
  }

  function submit(acknowledgeDuplicate = false) {
    setFormError(null);
    setConflict(null);
    const draft = parseDraft(acknowledgeDuplicate);
    if (!draft.parsed.success) return invalid(draft.parsed.error.issues);
    setErrors({});
    if (draft.edit) update.mutate(draft.parsed.data);
    else create.mutate(draft.parsed.data);
  }
  function invalid(issues: Parameters<typeof issuesToErrors>[0]) {
    setErrors(issuesToErrors(issues, locale));
    setFailedSubmits((n) => n + 1);
  }
  /** Leaving a field checks it (SNILS check digits, real and past dates…). */
  const checkLeft = checkLeftField(() => parseDraft(false).parsed, errors, setErrors, locale);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit();
  }

  const cancelHref = props.mode === "edit" ? `/school/learners/${props.id}` : "/school/learners";
  return (
    <form method="post" onSubmit={onSubmit} onBlur={checkLeft} noValidate className="space-y-4" data-testid="learner-form">
      <h1 className="text-xl font-semibold">{props.mode === "edit" ? props.title : t.createTitle}</h1>
      <ErrorSummary errors={errors} message={formError} focusToken={failedSubmits} />
      <LearnerFields
        draft={learner}
        errors={errors}
        onChange={(key, value) => {
          setLearner((d) => ({ ...d, [key]: value }));
          const kind = ADDRESS_KINDS.find((k) => ADDRESS_FIELD[k] === key);
          if (kind)
            setAddressHouses((h) => {
              const next = { ...h };
              delete next[kind];
              return next;
            });
        }}
        houses={addressHouses}
        onPick={({ kind, text, garHouseId }) => {
          setLearner((d) => ({ ...d, [ADDRESS_FIELD[kind]]: text }));
          setAddressHouses((h) => ({ ...h, [kind]: garHouseId }));
        }}
      />
      {props.mode === "create" && (
        <>
          <EnrolmentFields draft={enrolment} errors={errors} onChange={(key, value) => setEnrolment((d) => ({ ...d, [key]: value }))} />
          <RepresentativesList items={representatives} errors={errors} onChange={setRepresentatives} />
          <fieldset className="rounded-lg border border-slate-200 bg-white p-4" data-testid="consent-section">
            <legend className="px-1 font-semibold text-slate-800">{t.consentSection}</legend>
            <p className="mb-3 text-sm text-slate-500">{t.consentHint}</p>
            {errors.consent && (
              <p id="consent-error" className="mb-3 text-sm text-red-700">
                {errors.consent}
              </p>
            )}
            <ConsentFields prefix="consent" draft={consent} errors={errors} onChange={(key, value) => setConsent((d) => ({ ...d, [key]: value }))} />
          </fieldset>
        </>
      )}
      {conflict && <ConflictNotice conflict={conflict} pending={pending} onCreateAnyway={() => submit(true)} />}
      <div className="flex gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-50"
        >
          {pending ? t.submitting : props.mode === "edit" ? t.submitEdit : t.submitCreate}
        </button>
        <Link href={cancelHref} className="rounded border border-slate-300 px-4 py-2 hover:bg-slate-100">
          {t.cancel}
        </Link>
      </div>
    </form>
  );
}
