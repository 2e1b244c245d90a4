"use client";
// The school-leaving certificate: one per level; recording it again replaces it.
import { useMutation } from "@tanstack/react-query";
import { Field } from "@/components/field";
import { useMessages } from "@/components/messages-provider";
import { SelectField } from "@/components/select-field";
import { formatDate } from "@/lib/format";
import { CERTIFICATE_LEVELS, CERTIFICATE_ORIGINAL_FIELDS, CERTIFICATE_STATES, ZSetCertificateInput } from "@/lib/schemas/portfolio";
import { useTRPC } from "@/trpc/react";
import { Section } from "../card-query";
import { AddButton, FormFrame, optionsOf, PlainTable, useDraftForm } from "./portfolio-form";
import type { PortfolioData } from "./portfolio-tab";

const empty = () => ({
  level: "",
  series: "",
  number: "",
  registrationNumber: "",
  issuedAt: "",
  withHonours: false as boolean,
  duplicate: false as boolean,
  state: "ACTIVE",
  originalSeries: "",
  originalNumber: "",
  originalRegistrationNumber: "",
  originalIssuedAt: "",
});

export function CertificatesSection({ learnerId, rows, canWrite }: { learnerId: string; rows: PortfolioData["certificates"]; canWrite: boolean }) {
  const { m } = useMessages();
  const t = m.portfolio;
  const f = t.fields;
  const trpc = useTRPC();
  const form = useDraftForm(empty, learnerId);
  const set = useMutation(trpc.learners.portfolio.setCertificate.mutationOptions(form.saved));
  const d = form.draft;
  const field = form.bind;

  function submit() {
    // The original's fields are hidden on an original: what was typed before unticking is not sent.
    const original = d.duplicate ? {} : Object.fromEntries(CERTIFICATE_ORIGINAL_FIELDS.map((k) => [k, ""]));
    const data = form.errors.validate(ZSetCertificateInput, { learnerId, ...d, ...original });
    if (data) set.mutate(data);
  }

  return (
    <Section
      title={t.certificates}
      testId="portfolio-certificates"
      actions={<AddButton show={canWrite && !form.open} testId="certificate-add" label={t.setCertificate} onClick={() => form.start()} />}
    >
      {form.open && (
        <FormFrame testId="certificate-form" onSubmit={submit} onCancel={form.close} pending={set.isPending} error={form.errors.formError} fieldErrors={form.errors.errors} focusToken={form.errors.failedSubmits}>
          <SelectField label={f.certificateLevel} {...field("level")} options={optionsOf(t.certificateLevels, CERTIFICATE_LEVELS)} placeholder={m.learnerForm.choose} />
          <Field label={f.series} {...field("series")} />
          <Field label={f.number} inputMode="numeric" {...field("number")} />
          <Field label={f.registrationNumber} {...field("registrationNumber")} />
          <Field label={f.issuedAt} type="date" {...field("issuedAt")} />
          <SelectField label={f.certificateState} {...field("state")} options={optionsOf(t.certificateStates, CERTIFICATE_STATES)} />
          <label className="flex items-center gap-2 self-end pb-2 text-sm">
            <input type="checkbox" name="withHonours" checked={d.withHonours} onChange={(ev) => form.set("withHonours", ev.target.checked)} />
            {f.withHonours}
          </label>
          <label className="flex items-center gap-2 self-end pb-2 text-sm">
            <input type="checkbox" name="duplicate" checked={d.duplicate} onChange={(ev) => form.set("duplicate", ev.target.checked)} />
            {f.duplicate}
          </label>
          {d.duplicate && (
            <>
              <Field label={f.originalSeries} {...field("originalSeries")} />
              <Field label={f.originalNumber} inputMode="numeric" {...field("originalNumber")} />
              <Field label={f.originalRegistrationNumber} {...field("originalRegistrationNumber")} />
              <Field label={f.originalIssuedAt} type="date" {...field("originalIssuedAt")} />
            </>
          )}
        </FormFrame>
      )}
      <PlainTable
        testId="certificates-table"
        empty={t.noCertificates}
        headers={[f.certificateLevel, f.number, f.registrationNumber, f.issuedAt, f.withHonours, f.certificateState, f.original]}
        rows={rows.map((c) => ({
          id: c.id,
          cells: [
            t.certificateLevels[c.level],
            <span className="font-mono">{c.series ? `${c.series} ${c.number}` : c.number}</span>,
            c.registrationNumber ?? "—",
            formatDate(c.issuedAt),
            c.withHonours ? m.common.yes : m.common.no,
            c.duplicate ? `${t.certificateStates[c.state]}, ${f.duplicate.toLowerCase()}` : t.certificateStates[c.state],
            c.duplicate
              ? t.originalDetails(
                  c.originalNumber ? [c.originalSeries, c.originalNumber].filter(Boolean).join(" ") : "—",
                  c.originalRegistrationNumber ?? "—",
                  c.originalIssuedAt ? formatDate(c.originalIssuedAt) : "—",
                )
              : "—",
          ],
        }))}
      />
    </Section>
  );
}
