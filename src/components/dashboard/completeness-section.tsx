"use client";
// Completeness of each data stage per organisation at the current level: the
// share of its current learners with the stage's data, as a bar and numbers.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { useMessages } from "../messages-provider";
import { QueryState } from "../query-state";
import { Section } from "./bars";
import type { Place } from "./dashboard";

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
  return (
    <Section title={t.sections.completeness} testId="dashboard-completeness">
      <QueryState query={query}>
        {(rows) =>
          rows.length === 0 ? (
            <p className="text-sm text-slate-500">{t.empty}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="min-w-full text-sm" data-testid="dashboard-completeness-table">
                <thead>
                  <tr className="border-b text-left text-slate-500">
                    <th className="py-1 pr-3">{t.organisation}</th>
                    <th className="py-1 pr-3 text-right">{t.learners}</th>
                    <th className="py-1 pr-3">{t.stages.personal}</th>
                    <th className="py-1 pr-3">{t.stages.health}</th>
                    <th className="py-1">{t.stages.portfolio}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
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
              </table>
            </div>
          )
        }
      </QueryState>
    </Section>
  );
}
