"use client";
// The ministry's data-quality view: organisation × check counts within the
// officer's scope, a total row, and the last 30 days as small bars.
import { useQuery } from "@tanstack/react-query";
import { QUALITY_CHECKS } from "@/lib/quality-checks";
import { useTRPC } from "@/trpc/react";
import { formatDateTimeShort } from "@/lib/format";
import { useMessages, useTimeZone } from "../messages-provider";
import { QueryState } from "../query-state";
import { TableFrame } from "@/components/table-frame";

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export function MinistryQuality() {
  const trpc = useTRPC();
  const { m } = useMessages();
  const timeZone = useTimeZone();
  const counts = useQuery(trpc.ministry.quality.counts.queryOptions());
  // After the counts, which take today's snapshot first.
  const trend = useQuery({ ...trpc.ministry.quality.trend.queryOptions({ days: 30 }), enabled: counts.isSuccess });
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{m.quality.ministryTitle}</h1>
      <p className="text-slate-600">{m.quality.ministryLead}</p>
      <QueryState query={counts}>
        {({ refreshedAt, organisations: rows }) => (
          <div>
            <p className="mb-2 text-sm text-slate-500" data-testid="quality-refreshed-at">
              {m.quality.refreshedAt(formatDateTimeShort(refreshedAt, timeZone))}
            </p>
            <TableFrame>
              <table className="min-w-full text-sm" data-testid="quality-counts">
                <thead>
                  <tr className="border-b text-left">
                    <th className="p-2">{m.quality.organisation}</th>
                    <th className="p-2 text-right">{m.quality.learners}</th>
                    {QUALITY_CHECKS.map((c) => (
                      <th key={c} className="p-2 text-right font-medium">{m.quality.checks[c]}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.organisationId} className="border-b">
                      <td className="p-2">
                        {r.shortName} <span className="text-slate-500">{r.municipalityName}</span>
                      </td>
                      <td className="p-2 text-right">{r.learners}</td>
                      {QUALITY_CHECKS.map((c) => (
                        <td key={c} className={`p-2 text-right ${r.counts[c] > 0 ? "text-red-700" : "text-slate-500"}`}>{r.counts[c]}</td>
                      ))}
                    </tr>
                  ))}
                  <tr className="font-semibold">
                    <td className="p-2">{m.quality.total}</td>
                    <td className="p-2 text-right">{rows.reduce((a, r) => a + r.learners, 0)}</td>
                    {QUALITY_CHECKS.map((c) => (
                      <td key={c} className="p-2 text-right">{rows.reduce((a, r) => a + r.counts[c], 0)}</td>
                    ))}
                  </tr>
                </tbody>
              </table>
            </TableFrame>
          </div>
        )}
      </QueryState>
      <section>
        <h2 className="font-medium">{m.quality.trendTitle}</h2>
        <QueryState query={trend}>
          {(points) => {
            if (points.length === 0) return <p className="text-slate-500">{m.quality.noTrend}</p>;
            const max = Math.max(1, ...points.map((p) => sum(p.counts)));
            return (
              <div className="mt-2 flex h-32 items-end gap-1" data-testid="quality-trend">
                {points.map((p) => (
                  <div
                    key={p.day}
                    title={`${p.day}: ${sum(p.counts)}`}
                    className="w-3 bg-blue-500"
                    style={{ height: `${Math.max(2, (sum(p.counts) / max) * 100)}%` }}
                  />
                ))}
              </div>
            );
          }}
        </QueryState>
      </section>
    </div>
  );
}
