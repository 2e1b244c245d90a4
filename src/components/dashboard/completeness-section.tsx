"use client";
// Completeness of each data stage per organisation at the current level: the
// share of its current learners with the stage's data, as a bar and numbers.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { useMessages } from "../messages-provider";
import { QueryState } from "../query-state";
import { SortHeader, useSortedRows } from "../sortable";
import { Section } from "./bars";
import type { Place } from "./dashboard";
import { TableFrame } from "@/components/table-frame";

function Share({ part, whole }: { part: number; whole: number }) {
  const share = whole > 0 ? Math.round((part / whole) * 100) : 0;
  return (
    <div className="flex min-w-32 items-center gap-2">
      <div className="h-3 flex-1 rounded bg-slate-100" aria-hidden>
        <div className={`h-3 rounded ${share >= 90 ? "bg-emerald-600" : share >= 50 ? "bg-amber-500" : "bg-red-500"}`} style={{ width: `${share}%` }} />
      </div>
      <span className="w-24 text-right tabular-nums">
        {part} / {whole} ({share}%)
      </span>
    </div>
  );
}

export function CompletenessSection({ place }: { place: Place }) {
  const { m } = useMessages();
  const t = m.dashboard;
  const trpc = useTRPC();
  const input = { municipalityId: place.municipality?.id, organisationId: place.organisation?.id };
  const query = useQuery({ ...trpc.ministry.dashboard.completeness.queryOptions(input), placeholderData: (previous) => previous });
  const rows = query.data ?? [];
  // Stages sort by their share (an organisation of 30 with 30 records before one of 900 with 600).
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
  const sorted = useSortedRows(rows, [
    { id: "organisation", value: (r) => r.organisation },
    { id: "learners", value: (r) => r.learners, numeric: true },
    { id: "personal", value: (r) => share(r.personal, r.learners), numeric: true },
    { id: "health", value: (r) => share(r.health, r.learners), numeric: true },
    { id: "portfolio", value: (r) => share(r.portfolio, r.learners), numeric: true },
  ]);
  // Completeness is not a health count (docs/domain.md, "Small numbers"): its totals are plain sums.
  const sum = (key: "learners" | "personal" | "health" | "portfolio") => rows.reduce((s, r) => s + r[key], 0);
  return (
    <Section title={t.sections.completeness} testId="dashboard-completeness">
      <QueryState query={query}>
        {() =>
          rows.length === 0 ? (
            <p className="text-sm text-slate-500">{t.empty}</p>
          ) : (
            <TableFrame>
              <table className="min-w-full text-sm" data-testid="dashboard-completeness-table">
                <thead>
                  <tr className="border-b text-left text-slate-500">
                    <SortHeader column={sorted.column("organisation")} className="py-1 pr-3">{t.organisation}</SortHeader>
                    <SortHeader column={sorted.column("learners")} className="py-1 pr-3 text-right">{t.learners}</SortHeader>
                    <SortHeader column={sorted.column("personal")} className="py-1 pr-3">{t.stages.personal}</SortHeader>
                    <SortHeader column={sorted.column("health")} className="py-1 pr-3">{t.stages.health}</SortHeader>
                    <SortHeader column={sorted.column("portfolio")} className="py-1">{t.stages.portfolio}</SortHeader>
                  </tr>
                </thead>
                <tbody>
                  {sorted.rows.map((r) => (
                    <tr key={r.organisationId} className="border-b last:border-0">
                      <td className="py-1 pr-3">
                        {r.organisation}
                        <div className="text-xs text-slate-500">{r.municipality}</div>
                      </td>
                      <td className="py-1 pr-3 text-right tabular-nums">{r.learners}</td>
                      <td className="py-1 pr-3"><Share part={r.personal} whole={r.learners} /></td>
                      <td className="py-1 pr-3"><Share part={r.health} whole={r.learners} /></td>
                      <td className="py-1"><Share part={r.portfolio} whole={r.learners} /></td>
                    </tr>
                  ))}
                </tbody>
                {rows.length > 0 && (
                  <tfoot>
                    <tr className="border-t border-slate-300 font-medium" data-testid="dashboard-completeness-totals">
                      <th scope="row" className="py-1 pr-3 text-left">{t.total}</th>
                      <td className="py-1 pr-3 text-right tabular-nums">{sum("learners")}</td>
                      <td className="py-1 pr-3"><Share part={sum("personal")} whole={sum("learners")} /></td>
                      <td className="py-1 pr-3"><Share part={sum("health")} whole={sum("learners")} /></td>
                      <td className="py-1"><Share part={sum("portfolio")} whole={sum("learners")} /></td>
                    </tr>
                  </tfoot>
                )}
              </table>
            </TableFrame>
          )
        }
      </QueryState>
    </Section>
  );
}
