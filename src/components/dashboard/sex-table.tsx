"use client";
// A table of groups with boys, girls, total and a bar beside each row; a row
// may be a drill-down link.
import { useMessages } from "../messages-provider";
import { SexBar } from "./bars";

export interface SexRow {
  key: string;
  label: string;
  male: number;
  female: number;
  total: number;
}

export function SexTable({ header, rows, testId, onOpen }: { header: string; rows: SexRow[]; testId: string; onOpen?: (row: SexRow) => void }) {
  const { m } = useMessages();
  const t = m.dashboard;
  const max = Math.max(0, ...rows.map((r) => r.total));
  if (rows.length === 0) return <p className="text-sm text-slate-500">{t.empty}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm" data-testid={testId}>
        <thead>
          <tr className="border-b text-left text-slate-500">
            <th className="py-1 pr-3">{header}</th>
            <th className="py-1 pr-3 text-right">{t.male}</th>
            <th className="py-1 pr-3 text-right">{t.female}</th>
            <th className="py-1 pr-3 text-right">{t.total}</th>
            <th className="py-1" aria-hidden />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
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
      </table>
    </div>
  );
}
