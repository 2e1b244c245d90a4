"use client";
// One form for adding and editing an organisation. The browser checks input
// with the same zod schema as the server; the server's answer (a taken INN,
// a municipality outside the officer's scope) lands on the field it names;
// a failed submit focuses the error summary; unsaved changes ask before leaving.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useRef, useState, type FormEvent } from "react";
import { Field } from "@/components/field";
import { ErrorSummary } from "@/components/forms/error-summary";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { useUnsavedChangesWarning } from "@/components/forms/use-unsaved-changes-warning";
import { useMessages } from "@/components/messages-provider";
import { SelectField } from "@/components/select-field";
import {
  ORGANISATION_FIELDS,
  ORGANISATION_TYPES,
  ZCreateOrganisationInput,
  ZUpdateOrganisationInput,
  type OrganisationField,
} from "@/lib/schemas/organisation";
import type { AppRouter } from "@/server/trpc/root";
import { useTRPC } from "@/trpc/react";

export type OrganisationRow = inferRouterOutputs<AppRouter>["ministry"]["organisations"]["list"]["rows"][number];
type Draft = Record<OrganisationField, string>;

function draftOf(org: OrganisationRow | undefined, municipalities: { id: string }[]): Draft {
  return {
    // A municipal officer has exactly one municipality: preselect it.
    municipalityId: org?.municipality.id ?? (municipalities.length === 1 ? municipalities[0]!.id : ""),
    type: org?.type ?? "",
    fullName: org?.fullName ?? "",
    shortName: org?.shortName ?? "",
    inn: org?.inn ?? "",
    ogrn: org?.ogrn ?? "",
    kpp: org?.kpp ?? "",
    founder: org?.founder ?? "",
    licenceNumber: org?.licenceNumber ?? "",
    licenceDate: org?.licenceDate ?? "",
    address: org?.address ?? "",
    headName: org?.headName ?? "",
  };
}

const LIMITS: Partial<Record<OrganisationField, number>> = {
  fullName: 500,
  shortName: 200,
  inn: 20,
  ogrn: 20,
  kpp: 9,
  founder: 500,
  licenceNumber: 50,
  address: 500,
  headName: 200,
};

interface OrganisationFormProps {
  organisation?: OrganisationRow;
  municipalities: { id: string; name: string }[];
  onDone: (notice: string) => void;
  onCancel: () => void;
}

export function OrganisationForm({ organisation, municipalities, onDone, onCancel }: OrganisationFormProps) {
  const { m, locale } = useMessages();
  const t = m.organisations;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(organisation, municipalities));
  const form = useFormErrors(t.checkFields, { fields: ORGANISATION_FIELDS, locale });
  const { errors } = form;
  const initialDraft = useRef(JSON.stringify(draft));

  const saved = async (org: OrganisationRow, notice: (name: string) => string) => {
    await queryClient.invalidateQueries({ queryKey: trpc.ministry.organisations.list.queryKey() });
    onDone(notice(org.shortName));
  };
  const create = useMutation(trpc.ministry.organisations.create.mutationOptions({ onSuccess: (o) => saved(o, t.created), onError: form.server }));
  const update = useMutation(trpc.ministry.organisations.update.mutationOptions({ onSuccess: (o) => saved(o, t.updated), onError: form.server }));
  const pending = create.isPending || update.isPending;
  useUnsavedChangesWarning(JSON.stringify(draft) !== initialDraft.current && !create.isSuccess && !update.isSuccess);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = { ...draft, type: draft.type || undefined, municipalityId: draft.municipalityId || undefined };
    const parsed = organisation ? ZUpdateOrganisationInput.safeParse({ id: organisation.id, ...values }) : ZCreateOrganisationInput.safeParse(values);
    if (!parsed.success) return form.invalid(parsed.error.issues);
    form.clear();
    if (organisation) update.mutate({ ...parsed.data, id: organisation.id });
    else create.mutate(parsed.data);
  }

  const input = (name: OrganisationField, extra: { type?: string; wide?: boolean; autoFocus?: boolean } = {}) => (
    <Field
      label={t.fields[name]}
      name={name}
      type={extra.type}
      value={draft[name]}
      onChange={(e) => setDraft((d) => ({ ...d, [name]: e.target.value }))}
      maxLength={LIMITS[name]}
      inputMode={name === "inn" || name === "ogrn" ? "numeric" : undefined}
      autoComplete="off"
      autoFocus={extra.autoFocus}
      className={extra.wide ? "md:col-span-2" : undefined}
      error={errors[name]}
    />
  );

  return (
    <section aria-labelledby="organisation-form-title" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm" data-testid="organisation-form">
      <h2 id="organisation-form-title" className="mb-4 text-lg font-semibold">
        {organisation ? t.editTitle(organisation.shortName) : t.createTitle}
      </h2>
      <form method="post" onSubmit={onSubmit} noValidate className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <div className="md:col-span-2 empty:hidden">
          <ErrorSummary errors={errors} message={form.formError} focusToken={form.failedSubmits} />
        </div>
        <SelectField
          label={t.fields.municipalityId}
          name="municipalityId"
          value={draft.municipalityId}
          onChange={(e) => setDraft((d) => ({ ...d, municipalityId: e.target.value }))}
          options={municipalities.map((mun) => ({ value: mun.id, label: mun.name }))}
          placeholder={t.choose}
          error={errors.municipalityId}
        />
        <SelectField
          label={t.fields.type}
          name="type"
          value={draft.type}
          onChange={(e) => setDraft((d) => ({ ...d, type: e.target.value }))}
          options={ORGANISATION_TYPES.map((type) => ({ value: type, label: m.orgTypes[type] }))}
          placeholder={t.choose}
          error={errors.type}
        />
        {input("fullName", { wide: true, autoFocus: !organisation })}
        {input("shortName")}
        {input("founder")}
        {input("inn")}
        {input("ogrn")}
        {input("kpp")}
        {input("headName")}
        {input("licenceNumber")}
        {input("licenceDate", { type: "date" })}
        {input("address", { wide: true })}
        <div className="flex gap-3 md:col-span-2">
          <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
            {pending ? t.submitting : organisation ? t.submitEdit : t.submitCreate}
          </button>
          <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-4 py-2 hover:bg-slate-100">
            {m.common.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
