"use client";
// The ministry's «Успеваемость обучающихся» (issue 21): year, period and
// subject chosen from lists; rows by municipality → organisation → class, a
// click on a row drills one level down, a breadcrumb walks back. Figures come
// from the server with small numbers already hidden («<n»); a column of bars
// shows the two shares beside them (./measure-bars.tsx). The choices and the
// place live in the URL, so a reload or a shared link shows the same view.
import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { PERFORMANCE_PERIODS, type PerformancePeriod } from "@/lib/schemas/performance";
import { currentAcademicYear, academicYearLabel } from "@/lib/schemas/programme";
import type { TerritoryPerformance } from "@/server/services/performance/territory-performance";
import { useTRPC } from "@/trpc/react";
import { useMessages } from "../messages-provider";
import { QueryState } from "../query-state";
import { SelectField } from "../select-field";
import { StaticTable } from "../static-table";
import { useUrlFilters } from "../use-url-filters";
import { formatChange, formatCount, formatMeasure } from "./format";
import { MeasureBars, MeasureLegend } from "./measure-bars";

type Row = TerritoryPerformance["rows"][number];
type Figures = Row["current"];

const YEARS_BACK = 5;
const KEYS = ["year", "period", "subjectId", "municipalityId", "organisationId"] as const;
type Key = (typeof KEYS)[number];

export function TerritoryPerformanceView() {
  const trpc = useTRPC();
  const { m, locale } = useMessages();
  const t = m.performance;
  const thisYear = currentAcademicYear();
  const years = Array.from({ length: YEARS_BACK }, (_, i) => thisYear - i);
  const { applied, apply } = useUrlFilters(KEYS);
  // A link's year or period outside the lists falls back to the default rather than to an error.
  const year = years.includes(Number(applied.year)) ? Number(applied.year) : thisYear;
  const period = (PERFORMANCE_PERIODS as readonly string[]).includes(applied.period) ? (applied.period as PerformancePeriod) : PERFORMANCE_PERIODS[0];
  const { subjectId, municipalityId, organisationId } = applied;
  const choose = (changes: Partial<Record<Key, string>>) => apply({ year: String(year), period, subjectId, municipalityId, organisationId, ...changes });
  const subjects = useQuery(trpc.ministry.performance.subjects.queryOptions());
  // Names of the breadcrumb's places (the same list the reports' territory filter uses).
  const territories = useQuery(trpc.ministry.reports.territories.queryOptions());
  const municipalityName = territories.data?.find((mu) => mu.id === municipalityId)?.name;
  const organisationName = territories.data?.flatMap((mu) => mu.organisations).find((o) => o.id === organisationId)?.shortName;
  const input = {
    academicYear: year,
    period,
    ...(subjectId ? { subjectId } : {}),
    ...(municipalityId ? { municipalityId } : {}),
    ...(organisationId ? { organisationId } : {}),
  };
  const view = useQuery(trpc.ministry.performance.table.queryOptions(input));
  // Until the names arrive, the place shown is the table's own territory.
  const trail = [
    ...(municipalityId ? [{ label: municipalityName ?? (organisationId ? "…" : view.data?.territory) ?? "…", to: { municipalityId, organisationId: "" } }] : []),
    ...(organisationId ? [{ label: organisationName ?? view.data?.territory ?? "…", to: { municipalityId, organisationId } }] : []),
  ];
  // An organisation drilled into from a municipality keeps the municipality in the URL (its crumb); a municipality starts afresh.
  const drillInto = (row: Row) => row.drill && choose({ municipalityId: row.drill.municipalityId ?? municipalityId, organisationId: row.drill.organisationId ?? "" });
  const download = (format: "xlsx" | "pdf") =>
    `/api/ministry/performance?${new URLSearchParams({ ...Object.fromEntries(Object.entries(input).map(([k, v]) => [k, String(v)])), format })}`;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t.ministryTitle}</h1>
      <p className="text-slate-600">{t.ministryLead}</p>
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField
          label={t.year}
          name="academicYear"
          value={String(year)}
          onChange={(e) => choose({ year: e.target.value })}
          options={years.map((y) => ({ value: String(y), label: academicYearLabel(y) }))}
        />
        <SelectField label={t.period} name="period" value={period} onChange={(e) => choose({ period: e.target.value })} options={PERFORMANCE_PERIODS.map((p) => ({ value: p, label: p }))} />
        <SelectField
          label={t.subject}
          name="subjectId"
          value={subjectId}
          placeholder={t.allSubjects}
          onChange={(e) => choose({ subjectId: e.target.value })}
          options={(subjects.data ?? []).map((s) => ({ value: s.id, label: s.parentId ? `— ${s.name}` : s.name }))}
        />
      </div>
      <nav aria-label={t.territory} className="flex flex-wrap gap-2 text-sm">
        <button type="button" className="text-blue-700 underline" onClick={() => choose({ municipalityId: "", organisationId: "" })}>
          {t.wholeScope}
        </button>
        {trail.map((p, i) => (
          <span key={p.label + i}>
            {"/ "}
            <button type="button" className="text-blue-700 underline" onClick={() => choose(p.to)}>
              {p.label}
            </button>
          </span>
        ))}
      </nav>
      <QueryState query={view}>
        {(data) => (
          <Results
            data={data}
            locale={locale}
            onDrill={drillInto}
            xlsx={download("xlsx")}
            pdf={download("pdf")}
          />
        )}
      </QueryState>
    </div>
  );
}

function Results({ data, locale, onDrill, xlsx, pdf }: { data: TerritoryPerformance; locale: "ru" | "en"; onDrill: (row: Row) => void; xlsx: string; pdf: string }) {
  const { m } = useMessages();
  const t = m.performance;
  const count = (v: number | null) => formatCount(v, data.threshold);
  const was = (measure: string) => t.previousColumn.replace("{measure}", measure).replace("{year}", data.previousYearLabel);
  const measureColumns = (pick: (r: Row) => Figures | null, label: (s: string) => string): ColumnDef<Row, unknown>[] => [
    { id: label("avg"), header: label(t.average), accessorFn: (r) => pick(r)?.average ?? null, cell: (c) => formatMeasure(pick(c.row.original)?.average, 2, locale) },
    { id: label("ok"), header: label(t.successRate), accessorFn: (r) => pick(r)?.successRate ?? null, cell: (c) => formatMeasure(pick(c.row.original)?.successRate, 1, locale) },
    { id: label("q"), header: label(t.qualityRate), accessorFn: (r) => pick(r)?.qualityRate ?? null, cell: (c) => formatMeasure(pick(c.row.original)?.qualityRate, 1, locale) },
  ];
  const columns: ColumnDef<Row, unknown>[] = [
    {
      id: "place",
      header: t.place[data.level],
      accessorFn: (r) => r.label,
      cell: (c) =>
        c.row.original.drill ? (
          <button type="button" className="text-left text-blue-700 underline" onClick={() => onDrill(c.row.original)}>
            {c.row.original.label}
          </button>
        ) : (
          c.row.original.label
        ),
    },
    { id: "learners", header: t.learners, accessorFn: (r) => r.current.learners, cell: (c) => count(c.row.original.current.learners) },
    ...measureColumns((r) => r.current, (s) => s),
    // Decoration beside the two shares (aria-hidden cells; no accessor, so not sortable).
    { id: "chart", header: t.chart.column, cell: (c) => <MeasureBars current={c.row.original.current} previous={c.row.original.previous} /> },
    ...(["m5", "m4", "m3", "m2"] as const).map((k): ColumnDef<Row, unknown> => ({ id: k, header: t.marks[k], accessorFn: (r) => r.current.marks[k], cell: (c) => count(c.row.original.current.marks[k]) })),
    ...measureColumns((r) => r.previous, was),
    { id: "dAvg", header: `${t.delta} ${t.average}`, accessorFn: (r) => r.delta.average, cell: (c) => formatChange(c.row.original.delta.average, 2, locale) },
    { id: "dOk", header: `${t.delta} ${t.successRate}`, accessorFn: (r) => r.delta.successRate, cell: (c) => formatChange(c.row.original.delta.successRate, 1, locale) },
    { id: "dQ", header: `${t.delta} ${t.qualityRate}`, accessorFn: (r) => r.delta.qualityRate, cell: (c) => formatChange(c.row.original.delta.qualityRate, 1, locale) },
  ];
  const now = data.totals.current;
  const before = data.totals.previous;
  const totals = [
    t.total,
    count(now.learners),
    formatMeasure(now.average, 2, locale),
    formatMeasure(now.successRate, 1, locale),
    formatMeasure(now.qualityRate, 1, locale),
    <MeasureBars key="chart" current={now} previous={before} />,
    count(now.marks.m5),
    count(now.marks.m4),
    count(now.marks.m3),
    count(now.marks.m2),
    formatMeasure(before.average, 2, locale),
    formatMeasure(before.successRate, 1, locale),
    formatMeasure(before.qualityRate, 1, locale),
    formatChange(data.totals.delta.average, 2, locale),
    formatChange(data.totals.delta.successRate, 1, locale),
    formatChange(data.totals.delta.qualityRate, 1, locale),
  ];
  return (
    <div className="space-y-3" data-testid="territory-performance">
      <div className="flex flex-wrap items-center gap-3">
        <p className="font-medium">
          {data.territory}: {data.yearLabel}, {data.period}, {data.subject?.name ?? t.allSubjects}
        </p>
        <a href={xlsx} className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
          {t.downloadXlsx}
        </a>
        <a href={pdf} className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
          {t.downloadPdf}
        </a>
      </div>
      <MeasureLegend previousYearLabel={data.previousYearLabel} />
      <StaticTable columns={columns} data={data.rows} emptyText={t.empty} testId="performance-territory" getRowId={(r) => r.key} label={t.ministryTitle} sortable totals={totals} />
      <p className="text-sm text-slate-600">{t.hiddenNote.replaceAll("{n}", String(data.threshold))}</p>
    </div>
  );
}
