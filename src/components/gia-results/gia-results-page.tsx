"use client";
// The ministry's ГИА results: the year and exam, the territory (a municipality
// and one of its organisations, from the officer's scope), the tables of the
// model the server builds (small numbers already hidden there), links one
// level down, and the XLSX / PDF of the same model. The choices live in the
// URL, so a refresh, a bookmark or Back shows the same view. Under each
// subjects table, its distribution as bars (./subject-distribution.tsx).
import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import Link from "next/link";
import type { GiaResultsOutput } from "@/server/services/gia-results/gia-results";
import { useTRPC } from "@/trpc/react";
import { useMessages } from "../messages-provider";
import { QueryState } from "../query-state";
import { ReportTableView } from "../reports/report-table-view";
import { SelectField } from "../select-field";
import { TableFrame } from "../table-frame";
import { useUrlFilters } from "../use-url-filters";
import { SubjectDistribution } from "./subject-distribution";

const KEYS = ["year", "kind", "municipalityId", "organisationId"] as const;
const KINDS = ["OGE", "GVE", "EGE"] as const;
type Kind = (typeof KINDS)[number];

/** Results come in June–July: before July the latest complete year is the one before. */
function defaultYear(now = new Date()) {
  return now.getMonth() >= 6 ? now.getFullYear() : now.getFullYear() - 1;
}

export function GiaResultsPage() {
  const { m } = useMessages();
  const t = m.giaResults;
  const trpc = useTRPC();
  const { applied, apply } = useUrlFilters(KEYS);
  const latest = defaultYear();
  const year = Number(applied.year) || latest;
  const kind: Kind = (KINDS as readonly string[]).includes(applied.kind) ? (applied.kind as Kind) : "OGE";
  const { municipalityId, organisationId } = applied;
  const territory = { ...(municipalityId ? { municipalityId } : {}), ...(organisationId ? { organisationId } : {}) };

  const territories = useQuery(trpc.ministry.reports.territories.queryOptions());
  const municipalities = territories.data ?? [];
  const organisations = municipalities.find((mu) => mu.id === municipalityId)?.organisations ?? [];
  const query = useQuery(trpc.ministry.gia.results.queryOptions({ year, kind, ...territory })) as UseQueryResult<GiaResultsOutput, { message: string }>;

  const years = Array.from({ length: 11 }, (_, i) => String(latest + 1 - i));
  const choose = (changes: Partial<Record<(typeof KEYS)[number], string>>) => apply({ year: String(year), kind, ...changes });
  const href = (format: "xlsx" | "pdf") => `/api/ministry/gia?${new URLSearchParams({ year: String(year), kind, ...territory, format }).toString()}`;
  const drillHref = (level: "municipality" | "organisation", id: string) => {
    const place: Record<string, string> = level === "municipality" ? { municipalityId: id } : { municipalityId, organisationId: id };
    return `/ministry/gia?${new URLSearchParams({ year: String(year), kind, ...place }).toString()}`;
  };
  const button = "rounded border border-slate-300 px-3 py-2 text-sm text-brand-700 hover:bg-slate-50";

  return (
    <div className="space-y-6" data-testid="gia-page">
      <div>
        <h1 className="text-xl font-semibold">{t.title}</h1>
        <p className="text-sm text-slate-500">{t.lead}</p>
      </div>
      <div className="flex flex-wrap items-start gap-4">
        <SelectField label={t.year} name="gia-year" className="w-32" value={String(year)} onChange={(e) => choose({ year: e.target.value })} options={years.map((y) => ({ value: y, label: y }))} data-testid="gia-year" />
        <SelectField label={t.kind} name="gia-kind" className="w-44" value={kind} onChange={(e) => choose({ kind: e.target.value })} options={KINDS.map((k) => ({ value: k, label: t.kinds[k]! }))} data-testid="gia-kind" />
        <SelectField
          label={m.reports.municipality}
          name="gia-municipality"
          className="w-72"
          value={municipalityId}
          onChange={(e) => choose({ municipalityId: e.target.value, organisationId: "" })}
          placeholder={m.reports.wholeScope}
          options={municipalities.map((mu) => ({ value: mu.id, label: mu.name }))}
          data-testid="gia-municipality"
        />
        {municipalityId && (
          <SelectField
            label={m.reports.organisation}
            name="gia-organisation"
            className="w-72"
            value={organisationId}
            onChange={(e) => choose({ organisationId: e.target.value })}
            placeholder={m.reports.allOrganisations}
            options={organisations.map((o) => ({ value: o.id, label: o.shortName }))}
            data-testid="gia-organisation"
          />
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        <a href={href("xlsx")} download className={button} data-testid="gia-xlsx">
          {t.downloadXlsx}
        </a>
        <a href={href("pdf")} download className={button} data-testid="gia-pdf">
          {t.downloadPdf}
        </a>
      </div>
      <p className="text-sm text-slate-600">{t.definitions}</p>
      <QueryState query={query}>
        {({ model, drill }) => (
          <div className="space-y-6" data-testid="gia-report">
            <h2 className="text-lg font-medium">{model.title}</h2>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" data-testid="gia-header">
              {[[m.reports.header.scope, model.header.scope] as const, ...(model.header.lines ?? []), [m.reports.header.generatedAt, model.header.generatedAt] as const].map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-slate-500">{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
            {model.hiddenBelow !== undefined && <p className="text-sm text-slate-600">{m.reports.hiddenNote.replaceAll("{n}", String(model.hiddenBelow))}</p>}
            {model.tables.map((table, ti) => (
              <section key={table.caption} className="space-y-2">
                <h3 className="font-medium">{table.caption}</h3>
                <TableFrame className="rounded-lg border border-slate-200 bg-white">
                  <ReportTableView table={table} index={ti} />
                </TableFrame>
                <SubjectDistribution table={table} index={ti} />
              </section>
            ))}
            {drill && drill.places.length > 0 && (
              <nav aria-label={t.drill} className="text-sm" data-testid="gia-drill">
                <span className="mr-2 text-slate-600">{t.drill}</span>
                {drill.places.map((p) => (
                  <Link key={p.id} href={drillHref(drill.level, p.id)} className="mr-3 text-brand-700 underline">
                    {p.name}
                  </Link>
                ))}
              </nav>
            )}
            {municipalityId && (
              <Link href={`/ministry/gia?${new URLSearchParams({ year: String(year), kind }).toString()}`} className="text-sm text-brand-700 underline" data-testid="gia-back">
                {t.back}
              </Link>
            )}
          </div>
        )}
      </QueryState>
    </div>
  );
}
