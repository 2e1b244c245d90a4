"use client";
// One aggregate as a table beside a bar: a row per place (municipality,
// organisation, grade or age), a column per category, the total, and a
// stacked bar of the categories scaled to the largest total. Plain Tailwind
// divs: no chart library for a few dozen bars. Totals come from the server:
// for education officers small counts arrive hidden (null, shown «<5»), and
// neither a total nor a bar may be recomputed from them here. Rows sort by any
// column (src/components/sortable.tsx); a hidden count sorts as «<5», between
// 0 and 5 and level with the other hidden ones, so the order reveals nothing.
// The totals row stays last, outside the sorted rows.
import type { ReactNode } from "react";
import type { TableValue } from "@/lib/table-sort";
import { useMessages } from "../messages-provider";
import { SortHeader, useSortedRows } from "../sortable";
import { TableFrame } from "@/components/table-frame";

type Count = number | null;
/** One aggregate with its totals, as health.stats.counts / ministry.healthStats.counts return it. */
export interface StatsData {
  cells: { key: string; label: string; category: string; count: Count }[];
  places: { key: string; label: string; count: Count }[];
  categories: { category: string; count: Count }[];
  total: Count;
  threshold: number | null;
}

const BAR_COLOURS = ["bg-emerald-500", "bg-sky-500", "bg-amber-400", "bg-orange-500", "bg-rose-600", "bg-violet-500", "bg-teal-700", "bg-lime-600", "bg-fuchsia-500", "bg-slate-500", "bg-slate-300"];

export interface StatsTableProps {
  title: string;
  testId: string;
  placeHeader: string;
  data: StatsData;
  /** Places to list even without counts, in display order. */
  placeList?: { key: string; label: string }[];
  /** Category key → column header, in display order. */
  categories: Record<string, string>;
  /** Makes a place clickable (drill down). */
  onPlace?: (key: string, label: string) => void;
  actions?: ReactNode;
}

export function StatsTable({ title, testId, placeHeader, data, placeList, categories, onPlace, actions }: StatsTableProps) {
  const { m } = useMessages();
  const t = m.healthStats;
  const keys = Object.keys(categories);
  const places = new Map<string, { label: string; counts: Record<string, Count>; total: Count }>();
  for (const p of placeList ?? []) places.set(p.key, { label: p.label, counts: {}, total: 0 });
  for (const p of data.places) places.set(p.key, { label: places.get(p.key)?.label ?? p.label, counts: {}, total: p.count });
  for (const c of data.cells) places.get(c.key)!.counts[c.category] = c.count;
  const shown = (n: Count | undefined): number | string => (n === null ? `<${data.threshold}` : (n ?? 0));
  const rows = [...places].map(([key, p]) => ({ key, ...p, name: p.label || t.noGrade }));
  // Sorted by what the cells show: a hidden count by its «<n», never by a value the page does not have.
  const sorted = useSortedRows<(typeof rows)[number]>(rows, [
    { id: "place", value: (r) => r.name },
    ...keys.map((k) => ({ id: `c-${k}`, value: (r: (typeof rows)[number]): TableValue => shown(r.counts[k]), numeric: true })),
    { id: "total", value: (r) => shown(r.total), numeric: true },
  ]);
  // Bars from shown counts only, scaled to the largest of them: a hidden count has no bar.
  const max = Math.max(1, ...[...places.values()].flatMap((p) => [p.total ?? 0, Object.values(p.counts).reduce<number>((s, n) => s + (n ?? 0), 0)]));
  const columnTotal = (k: string) => shown(data.categories.find((c) => c.category === k)?.count);

  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid={testId}>
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <h2 className="text-lg font-semibold">{title}</h2>
        <div className="ml-auto">{actions}</div>
      </div>
      <TableFrame>
        <table className="min-w-full text-sm">
          <thead>
            <tr className="border-b text-left text-slate-500">
              <SortHeader column={sorted.column("place")} className="py-2 pr-4">{placeHeader}</SortHeader>
              {keys.map((k, i) => (
                <SortHeader key={k} column={sorted.column(`c-${k}`)} className="py-2 pr-3 text-right whitespace-nowrap">
                  <span className={`inline-block h-2 w-2 rounded-sm ${BAR_COLOURS[i % BAR_COLOURS.length]}`} aria-hidden />
                  {categories[k]}
                </SortHeader>
              ))}
              <SortHeader column={sorted.column("total")} className="py-2 pr-4 text-right">{t.total}</SortHeader>
              <th scope="col" className="w-1/4 py-2" aria-hidden />
            </tr>
          </thead>
          <tbody>
            {places.size === 0 ? (
              <tr>
                <td colSpan={keys.length + 3} className="py-4 text-center text-slate-500" data-testid={`${testId}-empty`}>
                  {t.empty}
                </td>
              </tr>
            ) : (
              sorted.rows.map((p) => {
                const { key, name } = p;
                return (
                  <tr key={key} className="border-b border-slate-100 last:border-0" data-testid={`${testId}-row`}>
                    <th scope="row" className="py-2 pr-4 text-left font-normal">
                      {onPlace ? (
                        <button type="button" className="text-left text-brand-700 underline" onClick={() => onPlace(key, p.label)} data-testid={`${testId}-drill`}>
                          {name}
                        </button>
                      ) : (
                        name
                      )}
                    </th>
                    {keys.map((k) => (
                      <td key={k} className="py-2 pr-3 text-right tabular-nums">{shown(p.counts[k])}</td>
                    ))}
                    <td className="py-2 pr-4 text-right font-medium tabular-nums">{shown(p.total)}</td>
                    <td className="py-2" aria-hidden>
                      <div className="flex h-3 overflow-hidden rounded bg-slate-100">
                        {keys.map((k, i) => {
                          const n = p.counts[k];
                          return n ? <div key={k} className={BAR_COLOURS[i % BAR_COLOURS.length]} style={{ width: `${(n / max) * 100}%` }} /> : null;
                        })}
                      </div>
                    </td>
                  </tr>
                );
              })
            )}
          </tbody>
          {places.size > 1 && (
            <tfoot>
              <tr className="border-t text-slate-700">
                <th scope="row" className="py-2 pr-4 text-left">{t.total}</th>
                {keys.map((k) => (
                  <td key={k} className="py-2 pr-3 text-right font-medium tabular-nums">{columnTotal(k)}</td>
                ))}
                <td className="py-2 pr-4 text-right font-semibold tabular-nums">{shown(data.total)}</td>
                <td />
              </tr>
            </tfoot>
          )}
        </table>
      </TableFrame>
      {data.threshold !== null && (data.total === null || [...data.cells, ...data.places, ...data.categories].some((x) => x.count === null)) && (
        <p className="mt-2 text-xs text-slate-500" data-testid={`${testId}-hidden-note`}>
          {t.hiddenNote.replaceAll("{n}", String(data.threshold))}
        </p>
      )}
    </section>
  );
}
