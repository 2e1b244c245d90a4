"use client";
// Movement over a chosen period at the current drill-down level: arrivals and
// departures by reason, and accepted transfers between municipalities.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { academicYearStart, validPeriod } from "@/lib/movement/period";
import { todayIso } from "@/lib/schemas/person";
import { useTRPC } from "@/trpc/react";
import { Field } from "../field";
import { useMessages } from "../messages-provider";
import { QueryState } from "../query-state";
import { sumCounts } from "@/lib/table-sort";
import { SortHeader, useSortedRows } from "../sortable";
import { Section } from "./bars";
import type { Place } from "./dashboard";
import { TableFrame } from "@/components/table-frame";

function CountBar({ value, max, color }: { value: number; max: number; color: string }) {
  return (
    <div className="h-3 w-full rounded bg-slate-100" aria-hidden>
      <div className={`h-3 rounded ${color}`} style={{ width: max > 0 ? `${(value / max) * 100}%` : "0%" }} />
    </div>
  );
}

export function MovementSection({ place }: { place: Place }) {
  const { m } = useMessages();
  const t = m.dashboard;
  const trpc = useTRPC();
  const [typed, setTyped] = useState(() => ({ from: academicYearStart(todayIso()), to: todayIso() }));
  const [period, setPeriod] = useState(typed);
  const invalid = !validPeriod(typed.from, typed.to);
  const input = { ...period, municipalityId: place.municipality?.id, organisationId: place.organisation?.id };
  const query = useQuery({ ...trpc.ministry.dashboard.movement.queryOptions(input), placeholderData: keepPreviousData });
  const flows = useSortedRows(query.data?.flows ?? [], [
    { id: "from", value: (f) => f.fromMunicipality },
    { id: "to", value: (f) => f.toMunicipality },
    { id: "transfers", value: (f) => f.transfers, numeric: true },
  ]);

  function onChange(key: "from" | "to", value: string) {
    const next = { ...typed, [key]: value };
    setTyped(next);
    if (validPeriod(next.from, next.to)) setPeriod(next);
  }

  return (
    <Section title={t.sections.movement} testId="dashboard-movement">
      <div className="flex flex-wrap gap-3">
        <Field label={t.periodFrom} name="from" type="date" className="w-48" value={typed.from} onChange={(e) => onChange("from", e.target.value)} />
        <Field label={t.periodTo} name="to" type="date" className="w-48" value={typed.to} error={invalid ? t.periodInvalid : undefined} onChange={(e) => onChange("to", e.target.value)} />
      </div>
      <QueryState query={query}>
        {(data) => {
          const max = Math.max(0, ...data.byType.map((r) => r.count));
          const flowMax = Math.max(0, ...data.flows.map((r) => r.transfers));
          return (
            <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
              {(["arrival", "departure"] as const).map((direction) => (
                <TableFrame key={direction}>
                  <table className="text-sm" data-testid={`dashboard-${direction}s`}>
                    <thead>
                      <tr className="border-b text-left text-slate-500">
                        <th className="py-1 pr-3">{direction === "arrival" ? t.arrivals : t.departures}</th>
                        <th className="py-1 pr-3 text-right">{t.count}</th>
                        <th className="w-1/3 py-1" aria-hidden />
                      </tr>
                    </thead>
                    <tbody>
                      {data.byType.filter((r) => r.direction === direction).map((r) => (
                        <tr key={r.type} className="border-b last:border-0">
                          <td className="py-1 pr-3">{m.movement.types[r.type] ?? r.type}</td>
                          <td className="py-1 pr-3 text-right tabular-nums">{r.count}</td>
                          <td className="py-1"><CountBar value={r.count} max={max} color={direction === "arrival" ? "bg-emerald-600" : "bg-amber-500"} /></td>
                        </tr>
                      ))}
                    </tbody>
                    <tfoot>
                      <tr className="border-t border-slate-300 font-medium" data-testid={`dashboard-${direction}s-totals`}>
                        <th scope="row" className="py-1 pr-3 text-left">{t.total}</th>
                        <td className="py-1 pr-3 text-right tabular-nums">{sumCounts(data.byType.filter((r) => r.direction === direction).map((r) => r.count))}</td>
                        <td />
                      </tr>
                    </tfoot>
                  </table>
                </TableFrame>
              ))}
              <TableFrame className="lg:col-span-2">
                <table className="text-sm" data-testid="dashboard-flows">
                  <caption className="py-1 text-left font-medium">{t.sections.flows}</caption>
                  <thead>
                    <tr className="border-b text-left text-slate-500">
                      <SortHeader column={flows.column("from")} className="py-1 pr-3">{t.fromMunicipality}</SortHeader>
                      <SortHeader column={flows.column("to")} className="py-1 pr-3">{t.toMunicipality}</SortHeader>
                      <SortHeader column={flows.column("transfers")} className="py-1 pr-3 text-right">{t.transfers}</SortHeader>
                      <th className="w-1/3 py-1" aria-hidden />
                    </tr>
                  </thead>
                  <tbody>
                    {data.flows.length === 0 ? (
                      <tr><td colSpan={4} className="py-2 text-slate-500">{t.empty}</td></tr>
                    ) : (
                      flows.rows.map((f) => (
                        <tr key={`${f.fromMunicipality}→${f.toMunicipality}`} className="border-b last:border-0">
                          <td className="py-1 pr-3">{f.fromMunicipality}</td>
                          <td className="py-1 pr-3">{f.toMunicipality}</td>
                          <td className="py-1 pr-3 text-right tabular-nums">{f.transfers}</td>
                          <td className="py-1"><CountBar value={f.transfers} max={flowMax} color="bg-brand-600" /></td>
                        </tr>
                      ))
                    )}
                  </tbody>
                  {data.flows.length > 1 && (
                    <tfoot>
                      <tr className="border-t border-slate-300 font-medium" data-testid="dashboard-flows-totals">
                        <th scope="row" colSpan={2} className="py-1 pr-3 text-left">{t.total}</th>
                        <td className="py-1 pr-3 text-right tabular-nums">{sumCounts(data.flows.map((f) => f.transfers))}</td>
                        <td />
                      </tr>
                    </tfoot>
                  )}
                </table>
              </TableFrame>
            </div>
          );
        }}
      </QueryState>
    </Section>
  );
}
