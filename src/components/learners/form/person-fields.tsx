"use client";
// Fields a learner and a representative share: name, SNILS, citizenship,
// identity document (country only for foreign documents) and addresses.
import type { ReactNode } from "react";
import { Field } from "@/components/field";
import { useMessages } from "@/components/messages-provider";
import { SelectField } from "@/components/select-field";
import { CITIZENSHIP_OPTIONS } from "@/lib/countries";
import { DOCUMENT_TYPES } from "@/lib/schemas/person";
import type { Bind } from "./bind";
import type { PersonDraft } from "./form-model";

type PersonKey = keyof PersonDraft;

export const citizenshipOptions = CITIZENSHIP_OPTIONS.map((o) => ({ value: o.code, label: o.name }));
// A stateless person's document country is still a country: the same list without the "stateless" entry.
const countryOptions = citizenshipOptions.filter((o) => /^\d+$/.test(o.value));

export function NameFields({ bind }: { bind: Bind<PersonKey> }) {
  const t = useMessages().m.learnerForm;
  return (
    <>
      <Field label={t.lastName} autoComplete="off" {...bind("lastName")} />
      <Field label={t.firstName} autoComplete="off" {...bind("firstName")} />
      <Field label={t.middleName} autoComplete="off" {...bind("middleName")} />
    </>
  );
}

export function SnilsField({ bind }: { bind: Bind<PersonKey> }) {
  const t = useMessages().m.learnerForm;
  return <Field label={t.snils} placeholder={t.snilsPlaceholder} inputMode="numeric" autoComplete="off" {...bind("snils")} />;
}

export function CitizenshipField({ bind }: { bind: Bind<PersonKey> }) {
  const t = useMessages().m.learnerForm;
  return <SelectField label={t.citizenship} options={citizenshipOptions} placeholder={t.choose} {...bind("citizenship")} />;
}

export function DocumentFields({ bind, docType }: { bind: Bind<PersonKey>; docType: string }) {
  const { m } = useMessages();
  const t = m.learnerForm;
  const types = DOCUMENT_TYPES.map((d) => ({ value: d, label: m.vocab.documentTypes[d] }));
  const foreign = docType.startsWith("FOREIGN") || docType === "OTHER";
  return (
    <>
      <SelectField label={t.docType} options={types} placeholder={t.none} {...bind("docType")} />
      <Field label={t.docSeries} autoComplete="off" {...bind("docSeries")} />
      <Field label={t.docNumber} autoComplete="off" {...bind("docNumber")} />
      <Field label={t.docIssuedAt} type="date" {...bind("docIssuedAt")} />
      <Field label={t.docIssuer} className="sm:col-span-2" autoComplete="off" {...bind("docIssuer")} />
      {foreign && <SelectField label={t.docCountry} options={countryOptions} placeholder={t.choose} {...bind("docCountry")} />}
    </>
  );
}

export function AddressFields({ bind }: { bind: Bind<PersonKey> }) {
  const t = useMessages().m.learnerForm;
  return (
    <>
      <Field label={t.registrationAddress} className="sm:col-span-2" autoComplete="off" {...bind("registrationAddress")} />
      <Field label={t.actualAddress} className="sm:col-span-2" autoComplete="off" {...bind("actualAddress")} />
    </>
  );
}

/** A titled group of fields on a responsive grid. */
export function FormSection({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <legend className="px-1 font-semibold text-slate-800">{title}</legend>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">{children}</div>
    </fieldset>
  );
}
