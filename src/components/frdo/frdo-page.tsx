"use client";
// The ФИС ФРДО export page of both portals: the issue period (and, in the
// ministry, a municipality or organisation of the officer's scope), a «Check»
// that counts the certificates and lists those failing the mandatory-field
// check, and the download of the file with the ones that passed. The check is
// asked for on the button, not on every keystroke: it is an audited read.
import { useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { useState } from "react";
import { formatDate } from "@/lib/format";
import { periodProblem } from "@/lib/report-period";
import type { FrdoCheckOutput } from "@/server/services/frdo/frdo-export";
import { useTRPC } from "@/trpc/react";
import { Field } from "../field";
import { useMessages } from "../messages-provider";
import { QueryState } from "../query-state";
import { SelectField } from "../select-field";
import { StaticTable } from "../static-table";

type Failure = FrdoCheckOutput["failures"][number];
type Choice = { from: string; to: string; municipalityId: string; organisationId: string };

const thisYear = new Date().getFullYear();
const initial: Choice = { from: `${thisYear}-01-01`, to: `${thisYear}-12-31`, municipalityId: "", organisationId: "" };
const column = createColumnHelper<Failure>();

export function FrdoPage({ portal }: { portal: "school" | "ministry" }) {
  const { m } = useMessages();
  const t = m.frdo;
  const trpc = useTRPC();
  const [choice, setChoice] = useState<Choice>(initial);
  const [checked, setChecked] = useState<Choice | null>(null);
  const choose = (patch: Partial<Choice>) => setChoice((c) => ({ ...c, ...patch }));

  const problem = periodProblem(choice.from, choice.to);
  const errorOf = (field: "from" | "to") => (problem?.field === field ? m.reports.periodErrors[problem.problem] : undefined);

  const territories = useQuery({ ...trpc.ministry.reports.territories.queryOptions(), enabled: portal === "ministry" });
  const municipalities = territories.data ?? [];
  const organisations = municipalities.find((mu) => mu.id === choice.municipalityId)?.organisations ?? [];

  const params = (c: Choice) => ({ from: c.from, to: c.to, ...(c.municipalityId ? { municipalityId: c.municipalityId } : {}), ...(c.organisationId ? { organisationId: c.organisationId } : {}) });
  const query = useQuery({ ...trpc.frdo.check.queryOptions(checked ? params(checked) : params(initial)), enabled: checked !== null });
  const href = checked ? `/api/frdo?${new URLSearchParams(params(checked)).toString()}` : "";

  const columns = [
    column.accessor("holder", { header: t.columns.holder }),
    column.accessor((f) => t.levels[f.level], { id: "level", header: t.columns.level }),
    column.accessor("number", { header: t.columns.number, cell: (c) => <span className="font-mono">{c.getValue()}</span> }),
    column.accessor("issuedAt", { header: t.columns.issuedAt, cell: (c) => formatDate(c.getValue()) }),
    ...(portal === "ministry" ? [column.accessor("organisation", { header: t.columns.organisation })] : []),
    column.accessor((f) => f.problems.join("; "), { id: "problems", header: t.columns.problems }),
  ];

  return (
    <div className="space-y-6" data-testid="frdo-page">
      <div>
        <h1 className="text-xl font-semibold">{t.title}</h1>
        <p className="max-w-3xl text-sm text-slate-500">{t.lead}</p>
      </div>
      <form
        method="post"
        className="flex flex-wrap items-end gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (!problem) setChecked(choice);
        }}
      >
        <Field label={t.from} name="frdo-from" type="date" className="w-44" value={choice.from} error={errorOf("from")} onChange={(e) => choose({ from: e.target.value })} data-testid="frdo-from" />
        <Field label={t.to} name="frdo-to" type="date" className="w-44" value={choice.to} error={errorOf("to")} onChange={(e) => choose({ to: e.target.value })} data-testid="frdo-to" />
        {portal === "ministry" && (
          <SelectField
            label={t.municipality}
            name="frdo-municipality"
            className="w-72"
            value={choice.municipalityId}
            onChange={(e) => choose({ municipalityId: e.target.value, organisationId: "" })}
            placeholder={t.wholeScope}
            options={municipalities.map((mu) => ({ value: mu.id, label: mu.name }))}
            data-testid="frdo-municipality"
          />
        )}
        {portal === "ministry" && choice.municipalityId && (
          <SelectField
            label={t.organisation}
            name="frdo-organisation"
            className="w-72"
            value={choice.organisationId}
            onChange={(e) => choose({ organisationId: e.target.value })}
            placeholder={t.allOrganisations}
            options={organisations.map((o) => ({ value: o.id, label: o.shortName }))}
            data-testid="frdo-organisation"
          />
        )}
        <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-50" disabled={problem !== null} data-testid="frdo-check">
          {t.check}
        </button>
      </form>
      {problem && <p className="text-sm text-slate-600">{t.fixPeriod}</p>}
      {checked === null ? (
        <p className="text-sm text-slate-600">{t.pressCheck}</p>
      ) : (
        <QueryState query={query}>
          {(result) => (
            <div className="space-y-4">
              <p data-testid="frdo-summary" role="status">
                {t.summary(result.territory, result.total, result.exportable, result.failed)}
              </p>
              {result.exportable > 0 ? (
                <a href={href} download className="inline-block rounded border border-slate-300 px-3 py-2 text-sm text-brand-700 hover:bg-slate-50" data-testid="frdo-download">
                  {t.download(result.exportable)}
                </a>
              ) : (
                <p className="text-sm text-slate-600">{t.nothingToExport}</p>
              )}
              <h2 className="text-lg font-medium">{t.failures}</h2>
              {result.failures.length < result.failed && <p className="text-sm text-slate-600">{t.listedFirst(result.failures.length, result.failed)}</p>}
              <StaticTable columns={columns} data={result.failures} emptyText={t.noFailures} testId="frdo-failures" getRowId={(f) => f.certificateId} label={t.failures} />
            </div>
          )}
        </QueryState>
      )}
    </div>
  );
}
