// Plain Tailwind bars drawn beside a table, in the style of the dashboard's
// (../dashboard/bars.tsx): a share of 0–100 % and a distribution stacked to
// 100 %. They are decoration (aria-hidden): the numbers stay in the table,
// which is what a screen reader reads. A bar needs every value it shows: a
// hidden one (null) draws no bar (./scale.ts says why).
import type { ReactNode } from "react";
import { cssWidth, segmentWidths, shareWidth } from "./scale";

/** Colours of the marks «2», «3», «4», «5», then «no mark» (literal class names: Tailwind finds them in the source). */
export const MARK_COLOURS = ["bg-red-500", "bg-amber-400", "bg-lime-500", "bg-emerald-600", "bg-slate-300"] as const;
/** ЕГЭ score bands: below the minimum, minimum–60, 61–80, 81–99, 100, then «no score». */
export const BAND_COLOURS = ["bg-red-500", "bg-amber-400", "bg-lime-500", "bg-emerald-600", "bg-sky-700", "bg-slate-300"] as const;

const TRACK = "flex w-full overflow-hidden rounded bg-slate-100";

/**
 * One share on a 0–100 % track; `empty` (default nothing) when the share is not
 * shown. `thin` (a lighter colour, half the height) is the year before under this year's bar.
 */
export function ShareBar({ percent, colour, thin = false, empty = null }: { percent: number | null | undefined; colour: string; thin?: boolean; empty?: ReactNode }) {
  const width = shareWidth(percent);
  if (width === null) return empty;
  return (
    <div className={`${TRACK} ${thin ? "h-1.5" : "h-3"}`} aria-hidden data-chart="share">
      <div className={`h-full ${colour}`} style={{ width: cssWidth(width) }} />
    </div>
  );
}

/** Counts stacked to 100 % in the given colours (one per count); `empty` (default nothing) when any count is hidden or all are 0. */
export function DistributionBar({ counts, colours, empty = null }: { counts: readonly (number | null)[]; colours: readonly string[]; empty?: ReactNode }) {
  const widths = segmentWidths(counts);
  if (widths === null) return empty;
  return (
    <div className={`${TRACK} h-3`} aria-hidden data-chart="distribution">
      {widths.map((w, i) => (w > 0 ? <div key={i} className={`h-full ${colours[i % colours.length]}`} style={{ width: cssWidth(w) }} /> : null))}
    </div>
  );
}

/** What each colour means. Hidden from screen readers with the bars it explains. */
export function ChartLegend({ items }: { items: readonly { label: string; colour: string; thin?: boolean }[] }) {
  return (
    <div className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-hidden data-chart="legend">
      {items.map((item) => (
        <span key={item.label} className="flex items-center gap-1">
          <span className={`inline-block w-3 rounded ${item.thin ? "h-1.5" : "h-3"} ${item.colour}`} />
          {item.label}
        </span>
      ))}
    </div>
  );
}
