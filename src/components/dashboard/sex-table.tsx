"use client";
// A table of groups with boys, girls, total and a bar beside each row, sortable
// by any column, with a totals row; a row may be a drill-down link.
import { useMessages } from "../messages-provider";
import { sumCounts } from "@/lib/table-sort";
import { SortHeader, useSortedRows, type SortColumn } from "../sortable";
import { SexBar } from "./bars";
import { TableFrame } from "@/components/table-frame";

export interface SexRow {
  key: string;
  label: string;
  male: number;
  female: number;
  total: number;
}

// Contingent counts are not health figures: nothing is hidden, so the totals are plain sums of the rows.
const SORT_COLUMNS: SortColumn<SexRow>[] = [
  { id: "label", value: (r) => r.label },
  { id: "male", value: (r) => r.male, numeric: true },
  { id: "female", value: (r) => r.female, numeric: true },
  { id: "total", value: (r) => r.total, numeric: true },
];

export function SexTable({ header, rows, testId, onOpen }: { header: string; rows: SexRow[]; testId: string; onOpen?: (row: SexRow) => void }) {
  const { m } = useMessages();
  const t = m.dashboard;
  const max = Math.max(0, ...rows.map((r) => r.total));
  const sorted = useSortedRows(rows, SORT_COLUMNS);
  if (rows.length === 0) return <p className="text-sm text-slate-500">{t.empty}</p>;
  return (
    <TableFrame>
      <table className="min-w-full text-sm" data-testid={testId}>
        <thead>
          <tr className="border-b text-left text-slate-500">
            <SortHeader column={sorted.column("label")} className="py-1 pr-3">{header}</SortHeader>
            <SortHeader column={sorted.column("male")} className="py-1 pr-3 text-right">{t.male}</SortHeader>
            <SortHeader column={sorted.column("female")} className="py-1 pr-3 text-right">{t.female}</SortHeader>
            <SortHeader column={sorted.column("total")} className="py-1 pr-3 text-right">{t.total}</SortHeader>
            <th className="py-1" aria-hidden />
          </tr>
        </thead>
        <tbody>
          {sorted.rows.map((r) => (
            <tr key={r.key} className="border-b last:border-0 hover:bg-slate-50">
              <td className="py-1 pr-3">
                {onOpen ? (
                  <button type="button" className="text-left text-brand-700 underline" onClick={() => onOpen(r)}>
                    {r.label}
                  </button>
                ) : (
                  r.label
                )}
              </td>
              <td className="py-1 pr-3 text-right tabular-nums">{r.male}</td>
              <td className="py-1 pr-3 text-right tabular-nums">{r.female}</td>
              <td className="py-1 pr-3 text-right font-medium tabular-nums">{r.total}</td>
              <td className="w-1/3 py-1">
                <SexBar male={r.male} female={r.female} max={max} label={`${r.male} / ${r.female}`} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t border-slate-300 font-medium" data-testid={`${testId}-totals`}>
            <th scope="row" className="py-1 pr-3 text-left">{t.total}</th>
            <td className="py-1 pr-3 text-right tabular-nums">{sumCounts(rows.map((r) => r.male))}</td>
            <td className="py-1 pr-3 text-right tabular-nums">{sumCounts(rows.map((r) => r.female))}</td>
            <td className="py-1 pr-3 text-right tabular-nums">{sumCounts(rows.map((r) => r.total))}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </TableFrame>
  );
}
