"use client";
// The learner card's «Справка об обучении» (issue 21), for the holding or a
// former school: pick the academic year (those the learner studied here) and
// the period, issue a numbered справка, and download any issued one as PDF
// again (the same number; the server audits every download).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { useMessages } from "@/components/messages-provider";
import { SelectField } from "@/components/select-field";
import { formatDate } from "@/lib/format";
import { academicYearLabel } from "@/lib/schemas/programme";
import { ZIssueStudyCertificateInput } from "@/lib/schemas/study-certificates";
import { useTRPC } from "@/trpc/react";
import { Section } from "../learners/card/card-query";
import { PlainTable } from "../learners/card/portfolio/portfolio-form";

export const studyCertificatePdfHref = (id: string) => `/api/school/study-certificates/${id}`;

export function StudyCertificateSection({ learnerId }: { learnerId: string }) {
  const { m } = useMessages();
  const t = m.studyCertificates;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.studyCertificates.forLearner.queryOptions({ learnerId }));
  const [year, setYear] = useState("");
  const [period, setPeriod] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const errors = useFormErrors(t.section.checkFields, { fields: ["academicYear", "period"] });
  const issue = useMutation(
    trpc.studyCertificates.issue.mutationOptions({
      onSuccess: (issued) => {
        setNotice(t.section.issuedNotice(issued.number, formatDate(issued.issuedOn)));
        void queryClient.invalidateQueries({ queryKey: trpc.studyCertificates.forLearner.queryKey({ learnerId }) });
      },
      onError: (error) => errors.server(error),
    }),
  );

  if (query.isPending) return <Section title={t.section.title} testId="study-certificate"><p className="text-slate-500">{m.common.loading}</p></Section>;
  if (query.isError) {
    return (
      <Section title={t.section.title} testId="study-certificate">
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-700">{query.error.message || m.errors.generic}</p>
      </Section>
    );
  }
  const { years, issued } = query.data;
  const chosenYear = year || (years[0] ? String(years[0].academicYear) : "");
  const periods = years.find((y) => String(y.academicYear) === chosenYear)?.periods ?? [];

  function submit() {
    setNotice(null);
    const data = errors.validate(ZIssueStudyCertificateInput, { learnerId, academicYear: Number(chosenYear), period: period || undefined });
    if (data) issue.mutate(data);
  }

  return (
    <Section title={t.section.title} testId="study-certificate">
      <p className="mb-3 text-sm text-slate-600">{t.section.lead}</p>
      {years.length === 0 ? (
        <p className="text-sm text-slate-500" data-testid="study-certificate-no-years">{t.section.noYears}</p>
      ) : (
        <form
          method="post"
          className="mb-4 flex flex-wrap items-end gap-3"
          data-testid="study-certificate-form"
          noValidate
          onSubmit={(ev) => {
            ev.preventDefault();
            submit();
          }}
        >
          <ErrorSummary errors={errors.errors} message={errors.formError} focusToken={errors.failedSubmits} />
          <SelectField
            label={t.section.academicYear}
            name="academicYear"
            value={chosenYear}
            error={errors.errors.academicYear}
            onChange={(ev) => {
              setYear(ev.target.value);
              setPeriod("");
            }}
            options={years.map((y) => ({ value: String(y.academicYear), label: academicYearLabel(y.academicYear) }))}
          />
          <SelectField
            label={t.section.period}
            name="period"
            value={period}
            error={errors.errors.period}
            onChange={(ev) => setPeriod(ev.target.value)}
            placeholder={t.section.wholeYear}
            options={periods.map((p) => ({ value: p, label: p }))}
          />
          <button type="submit" className="h-[42px] rounded bg-brand-600 px-4 text-white hover:bg-brand-700 disabled:opacity-60" disabled={issue.isPending} data-testid="study-certificate-issue">
            {issue.isPending ? t.section.issuing : t.section.issue}
          </button>
        </form>
      )}
      {notice && (
        <p role="status" className="mb-3 rounded bg-green-50 px-3 py-2 text-sm text-green-800" data-testid="study-certificate-notice">
          {notice}
        </p>
      )}
      <h3 className="mb-2 text-sm font-semibold text-slate-700">{t.section.issuedTitle}</h3>
      <PlainTable
        testId="study-certificates-issued"
        empty={t.section.none}
        headers={[t.columns.number, t.columns.issuedOn, t.columns.academicYear, t.columns.period, <span className="sr-only">{t.columns.actions}</span>]}
        rows={issued.map((c) => ({
          id: c.id,
          cells: [
            <span className="font-mono">{`${c.number}/${c.year}`}</span>,
            formatDate(c.issuedOn),
            academicYearLabel(c.academicYear),
            c.period ?? t.section.wholeYear,
            <a href={studyCertificatePdfHref(c.id)} download className="text-brand-600 hover:underline" aria-label={t.section.printLabel(c.number)} data-testid="study-certificate-pdf">
              {t.section.print}
            </a>,
          ],
        }))}
      />
    </Section>
  );
}
