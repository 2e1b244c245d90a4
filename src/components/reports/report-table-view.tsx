"use client";
// One table of a report, sortable by any column; the totals row (computed on
// the server with the cells, small numbers included) stays last in <tfoot>.
import type { ReportTable } from "@/server/services/reports/report-model";
import { useMessages } from "../messages-provider";
import { SortHeader, useSortedRows } from "../sortable";

type Row = ReportTable["rows"][number];

export function ReportTableView({ table, index }: { table: ReportTable; index: number }) {
  const { m } = useMessages();
  const { rows, column } = useSortedRows<Row>(
    table.rows,
    table.columns.map((_, ci) => ({ id: `c${ci}`, value: (row: Row) => row[ci], numeric: ci > 0 })),
  );
  const align = (ci: number) => (ci === 0 ? "" : "text-right tabular-nums");
  return (
    <table className="min-w-full text-sm" data-testid={`report-table-${index}`}>
      <thead className="bg-slate-50">
        <tr className="border-b border-slate-200 text-left text-slate-600">
          {table.columns.map((c, ci) => (
            <SortHeader key={`${ci}-${c}`} column={column(`c${ci}`)} className={`px-3 py-2 font-medium whitespace-nowrap ${ci === 0 ? "" : "text-right"}`}>
              {c}
            </SortHeader>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={table.columns.length} className="px-3 py-6 text-center text-slate-500">
              {m.reports.empty}
            </td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={String(row[0]) + String(row[1])} className="border-b border-slate-100">
              {row.map((v, ci) =>
                ci === 0 ? (
                  <th key={ci} scope="row" className="px-3 py-1.5 text-left font-normal">
                    {v}
                  </th>
                ) : (
                  <td key={ci} className={`px-3 py-1.5 ${align(ci)}`}>
                    {v}
                  </td>
                ),
              )}
            </tr>
          ))
        )}
      </tbody>
      {table.totals && rows.length > 0 && (
        <tfoot>
          <tr className="border-t border-slate-300 bg-slate-50 font-medium" data-testid="report-totals">
            {table.totals.map((v, ci) =>
              ci === 0 ? (
                <th key={ci} scope="row" className="px-3 py-1.5 text-left">
                  {v}
                </th>
              ) : (
                <td key={ci} className={`px-3 py-1.5 ${align(ci)}`}>
                  {v}
                </td>
              ),
            )}
          </tr>
        </tfoot>
      )}
    </table>
  );
}
