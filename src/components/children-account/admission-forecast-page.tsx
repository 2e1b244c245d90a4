"use client";
// The admission forecast: the academic year of admission (default the next
// one) and a municipality for the region's officer; the counts per assigned
// school with the first-grade places and the difference, the children with
// no known or no assigned house apart, and the XLSX of the same table.
import { useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTRPC } from "@/trpc/react";
import { useHydrated } from "../forms/use-hydrated";
import { useMessages } from "../messages-provider";
import { QueryState } from "../query-state";
import { SelectField } from "../select-field";
import { useUrlFilters } from "../use-url-filters";
import { TableFrame } from "../table-frame";

const KEYS = ["municipalityId", "year"] as const;

export function AdmissionForecastPage({ chooseMunicipality, defaultYear }: { chooseMunicipality: boolean; defaultYear: number }) {
  const { m } = useMessages();
  const t = m.admissionForecast;
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const { applied, draft, setField, apply } = useUrlFilters(KEYS);
  const year = Number(applied.year) || defaultYear;
  const input = { year, ...(applied.municipalityId ? { municipalityId: applied.municipalityId } : {}) };
  const ready = !chooseMunicipality || !!applied.municipalityId;
  const territories = useQuery({ ...trpc.ministry.reports.territories.queryOptions(), enabled: chooseMunicipality });
  const query = useQuery({ ...trpc.childrenAccount.forecast.queryOptions(input), enabled: ready });
  const years = [defaultYear - 1, defaultYear, defaultYear + 1, defaultYear + 2].map(String);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    apply();
  };
  const href = `/api/ministry/children-account?${new URLSearchParams({ kind: "forecast", ...Object.fromEntries(Object.entries(input).map(([k, v]) => [k, String(v)])) }).toString()}`;
  const cell = "px-3 py-2";

  return (
    <div className="space-y-6" data-testid="admission-forecast-page">
      <div>
        <h1 className="text-xl font-semibold">{t.title}</h1>
        <p className="text-sm text-slate-500">{t.lead}</p>
      </div>
      <form method="post" onSubmit={onSubmit} className="flex flex-wrap items-end gap-4">
        {chooseMunicipality && (
          <SelectField
            label={m.childrenAccount.municipality}
            name="af-municipality"
            className="w-72"
            value={draft.municipalityId}
            onChange={(e) => setField("municipalityId", e.target.value)}
            placeholder="—"
            options={(territories.data ?? []).map((mu) => ({ value: mu.id, label: mu.name }))}
            data-testid="af-municipality"
          />
        )}
        <SelectField label={t.year} name="af-year" className="w-40" value={draft.year || String(defaultYear)} onChange={(e) => setField("year", e.target.value)} options={years.map((y) => ({ value: y, label: `${y}/${String((Number(y) + 1) % 100).padStart(2, "0")}` }))} data-testid="af-year" />
        <button type="submit" disabled={!hydrated} className="rounded bg-brand-700 px-4 py-2 text-sm text-white disabled:opacity-60" data-testid="af-show">
          {t.show}
        </button>
      </form>
      {!ready ? (
        <p className="text-sm text-slate-600">{m.childrenAccount.chooseMunicipality}</p>
      ) : (
        <QueryState query={query}>
          {(data) => (
            <div className="space-y-3">
              <a href={href} download className="inline-block rounded border border-slate-300 px-3 py-2 text-sm text-brand-700 hover:bg-slate-50" data-testid="af-xlsx">
                {t.exportXlsx}
              </a>
              <p className="text-sm text-slate-600">{t.overlapNote}</p>
              <TableFrame label={t.title} className="rounded-lg border border-slate-200 bg-white">
                <table className="min-w-full text-sm" data-testid="af-table">
                  <thead className="bg-slate-50 text-left text-slate-600">
                    <tr className="border-b border-slate-200">
                      {[t.columns.school, t.columns.children, t.columns.overlap, t.columns.places, t.columns.difference].map((h) => (
                        <th key={h} scope="col" className={`${cell} font-medium`}>
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {data.rows.map((r) => (
                      <tr key={r.organisationId} className="border-b border-slate-100">
                        <th scope="row" className={`${cell} text-left font-normal`}>{r.school}</th>
                        <td className={cell}>{r.children}</td>
                        <td className={cell}>{r.overlap}</td>
                        <td className={cell}>{r.places ?? "—"}</td>
                        <td className={`${cell} ${r.difference !== null && r.difference < 0 ? "font-medium text-red-700" : ""}`}>{r.difference ?? "—"}</td>
                      </tr>
                    ))}
                    <tr className="border-b border-slate-100">
                      <th scope="row" className={`${cell} text-left font-normal`}>{t.unknownHouse}</th>
                      <td className={cell} colSpan={4}>{data.unknownHouse}</td>
                    </tr>
                    <tr className="border-b border-slate-100">
                      <th scope="row" className={`${cell} text-left font-normal`}>{t.unassigned}</th>
                      <td className={cell} colSpan={4}>{data.unassigned}</td>
                    </tr>
                    <tr>
                      <th scope="row" className={`${cell} text-left font-medium`}>{t.total}</th>
                      <td className={`${cell} font-medium`} colSpan={4}>{data.total}</td>
                    </tr>
                  </tbody>
                </table>
              </TableFrame>
            </div>
          )}
        </QueryState>
      )}
    </div>
  );
}
