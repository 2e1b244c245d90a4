"use client";
// The chart column of the ministry's performance table: «успеваемость» and
// «качество знаний» of a row as bars on 0–100 %, this year's over a thin,
// lighter one of the year before. A measure the server hides (null) draws no
// bar (../charts/scale.ts). Decoration only: the figures are in the row's cells.
import type { TerritoryPerformance } from "@/server/services/performance/territory-performance";
import { ChartLegend, ShareBar } from "../charts/bars";
import { useMessages } from "../messages-provider";

type Figures = TerritoryPerformance["totals"]["current"];

const SUCCESS = { now: "bg-sky-600", before: "bg-sky-300" };
const QUALITY = { now: "bg-emerald-600", before: "bg-emerald-300" };

function MeasurePair({ now, before, colours }: { now: number | null; before: number | null | undefined; colours: typeof SUCCESS }) {
  return (
    <div className="space-y-0.5">
      {/* Empty space of a missing bar keeps this year's and last year's bars where they belong. */}
      <ShareBar percent={now} colour={colours.now} empty={<div className="h-3" />} />
      <ShareBar percent={before} colour={colours.before} thin empty={<div className="h-1.5" />} />
    </div>
  );
}

export function MeasureBars({ current, previous }: { current: Figures; previous: Figures | null }) {
  return (
    <div className="w-40 space-y-1.5" aria-hidden data-testid="performance-bars">
      <MeasurePair now={current.successRate} before={previous?.successRate} colours={SUCCESS} />
      <MeasurePair now={current.qualityRate} before={previous?.qualityRate} colours={QUALITY} />
    </div>
  );
}

export function MeasureLegend({ previousYearLabel }: { previousYearLabel: string }) {
  const { m } = useMessages();
  const t = m.performance.chart;
  return (
    <ChartLegend
      items={[
        { label: t.success, colour: SUCCESS.now },
        { label: t.quality, colour: QUALITY.now },
        { label: t.previous.replace("{year}", previousYearLabel), colour: "bg-slate-400", thin: true },
      ]}
    />
  );
}
