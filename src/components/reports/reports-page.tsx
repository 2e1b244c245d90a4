"use client";
// The ministry's reports as of a date (or for a period): a selector, the date
// inputs, the territory (a municipality or one of its organisations, from the
// officer's scope), the report's tables, and the XLSX / PDF downloads of the
// same model. A date or period the server would refuse gets its message next
// to its field here, and the report is not asked for; the server checks again.
// The choices live in the URL (use-report-choices.ts), so a refresh or a
// bookmark reopens the same report.
import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import { isReportDay, periodProblem } from "@/lib/report-period";
import type { ReportKind, ReportModel } from "@/server/services/reports/report-model";
import { useTRPC } from "@/trpc/react";
import { Field } from "../field";
import { useMessages } from "../messages-provider";
import { QueryState } from "../query-state";
import { SelectField } from "../select-field";
import { ReportTables } from "./report-tables";
import { REPORT_KINDS, useReportChoices } from "./use-report-choices";

export function ReportsPage() {
  const { m } = useMessages();
  const t = m.reports;
  const trpc = useTRPC();
  const { choices, choose } = useReportChoices();
  const { kind, asOf, from, to, municipalityId, organisationId } = choices;
  const period = kind === "movement";

  const problem = period ? periodProblem(from, to) : isReportDay(asOf) ? null : { field: "asOf" as const, problem: "asOfInvalid" as const };
  const errorOf = (field: "asOf" | "from" | "to") => (problem?.field === field ? t.periodErrors[problem.problem] : undefined);
  const valid = problem === null;

  const territories = useQuery(trpc.ministry.reports.territories.queryOptions());
  const municipalities = territories.data ?? [];
  const organisations = municipalities.find((mu) => mu.id === municipalityId)?.organisations ?? [];
  const territory = { ...(municipalityId ? { municipalityId } : {}), ...(organisationId ? { organisationId } : {}) };

  const options =
    kind === "movement"
      ? trpc.ministry.reports.movement.queryOptions({ from, to, ...territory })
      : kind === "do1"
        ? trpc.ministry.reports.do1.queryOptions({ asOf, ...territory })
        : kind === "health"
          ? trpc.ministry.reports.health.queryOptions({ asOf, ...territory })
          : trpc.ministry.reports.oo1.queryOptions({ asOf, ...territory });
  // The four procedures return the same model; only their inputs differ.
  const query = useQuery({ ...(options as ReturnType<typeof trpc.ministry.reports.oo1.queryOptions>), enabled: valid }) as UseQueryResult<ReportModel, { message: string }>;

  const href = (format: "xlsx" | "pdf") => {
    const params = new URLSearchParams({ ...(period ? { from, to } : { asOf }), ...territory, format });
    return `/api/ministry/reports/${kind}?${params.toString()}`;
  };
  const button = "rounded border border-slate-300 px-3 py-2 text-sm text-brand-700 hover:bg-slate-50";

  return (
    <div className="space-y-6" data-testid="reports-page">
      <div>
        <h1 className="text-xl font-semibold">{t.title}</h1>
        <p className="text-sm text-slate-500">{t.lead}</p>
      </div>
      <div className="flex flex-wrap items-start gap-4">
        <SelectField
          label={t.report}
          name="report-kind"
          className="w-72"
          value={kind}
          onChange={(e) => choose({ kind: e.target.value as ReportKind })}
          options={REPORT_KINDS.map((k) => ({ value: k, label: t.titles[k] }))}
          data-testid="report-kind"
        />
        {period ? (
          <>
            <Field label={t.from} name="report-from" type="date" className="w-44" value={from} error={errorOf("from")} onChange={(e) => choose({ from: e.target.value })} data-testid="report-from" />
            <Field label={t.to} name="report-to" type="date" className="w-44" value={to} error={errorOf("to")} onChange={(e) => choose({ to: e.target.value })} data-testid="report-to" />
          </>
        ) : (
          <Field label={t.asOf} name="report-asof" type="date" className="w-44" value={asOf} error={errorOf("asOf")} onChange={(e) => choose({ asOf: e.target.value })} data-testid="report-asof" />
        )}
        <SelectField
          label={t.municipality}
          name="report-municipality"
          className="w-72"
          value={municipalityId}
          onChange={(e) => choose({ municipalityId: e.target.value, organisationId: "" })}
          placeholder={t.wholeScope}
          options={municipalities.map((mu) => ({ value: mu.id, label: mu.name }))}
          data-testid="report-municipality"
        />
        {municipalityId && (
          <SelectField
            label={t.organisation}
            name="report-organisation"
            className="w-72"
            value={organisationId}
            onChange={(e) => choose({ organisationId: e.target.value })}
            placeholder={t.allOrganisations}
            options={organisations.map((o) => ({ value: o.id, label: o.shortName }))}
            data-testid="report-organisation"
          />
        )}
      </div>
      {valid && (
        <div className="flex flex-wrap gap-2">
          <a href={href("xlsx")} download className={button} data-testid="report-xlsx">
            {t.downloadXlsx}
          </a>
          <a href={href("pdf")} download className={button} data-testid="report-pdf">
            {t.downloadPdf}
          </a>
        </div>
      )}
      <h2 className="text-lg font-medium">{t.titles[kind]}</h2>
      {valid ? (
        <QueryState query={query}>{(model) => <ReportTables model={model} />}</QueryState>
      ) : (
        <p className="text-sm text-slate-600" data-testid="report-invalid">{t.fixPeriod}</p>
      )}
    </div>
  );
}
