"use client";
// Under a subjects table of the ГИА results: one stacked bar per subject (and
// the total) of this year's distribution — marks «2»–«5» (ОГЭ, ГВЭ, ЕГЭ
// mathematics at the basic level) or the ЕГЭ score bands, each with «no
// result». The report model carries cells, not figures, so the columns are
// found by their headers (the same messages the server built them with) and a
// cell that is not a number («<5») is hidden: that row gets «—», no bar. A
// table without those columns (by territory) gets no chart. Decoration only
// (aria-hidden): the table is what a screen reader reads.
import { Fragment } from "react";
import type { ReportTable } from "@/server/services/reports/report-model";
import { BAND_COLOURS, ChartLegend, DistributionBar, MARK_COLOURS } from "../charts/bars";
import { columnIndexes, countOfCell } from "../charts/scale";
import { useMessages } from "../messages-provider";

export function SubjectDistribution({ table, index }: { table: ReportTable; index: number }) {
  const { m } = useMessages();
  const t = m.giaResults;
  const c = t.columns;
  const scales = [
    { labels: [2, 3, 4, 5].map((n) => c.mark.replace("{m}", String(n))).concat(c.noMark), colours: MARK_COLOURS },
    { labels: [c.belowMin, c.minTo60, c.band61, c.band81, c.band100, c.noScore], colours: BAND_COLOURS },
  ];
  const scale = scales.map((s) => ({ ...s, at: columnIndexes(table.columns, s.labels) })).find((s) => s.at !== null);
  if (!scale?.at || table.rows.length === 0) return null;
  const { at, labels, colours } = scale;
  const lines = [...table.rows, ...(table.totals ? [table.totals] : [])];
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3" aria-hidden data-testid={`gia-chart-${index}`}>
      <p className="text-sm font-medium">{t.chart.title}</p>
      <ChartLegend items={labels.map((label, i) => ({ label, colour: colours[i]! }))} />
      <div className="grid grid-cols-[minmax(6rem,16rem)_minmax(8rem,1fr)] items-center gap-x-3 gap-y-1 text-sm">
        {lines.map((line, li) => (
          <Fragment key={`${li}-${String(line[0])}`}>
            <span className={`truncate ${li === table.rows.length ? "font-medium" : ""}`} title={String(line[0])}>
              {line[0]}
            </span>
            <DistributionBar counts={at.map((i) => countOfCell(line[i]))} colours={colours} empty={<span className="text-slate-500">—</span>} />
          </Fragment>
        ))}
      </div>
      <p className="text-xs text-slate-500">{t.chart.note}</p>
    </div>
  );
}
