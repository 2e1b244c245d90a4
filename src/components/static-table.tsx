"use client";
// The table markup every list shares. On its own it shows a short list the page
// holds whole (a school's programmes, one year's classes); DataTable adds the
// pager for server-side pages. `sortable` makes every column with an accessor
// sort on a click (the shared comparison of src/lib/table-sort.ts unless the
// column brings its own sortingFn); `totals` is a last row outside the sorted ones.
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type SortingState } from "@tanstack/react-table";
import { useState, type ReactNode } from "react";
import { compareTableValues, type TableValue } from "@/lib/table-sort";
import { SortHeader, sortingOptions } from "./sortable";
import { TableFrame } from "./table-frame";

/** What a cell sorts by: dates by time, everything else as the shared comparison reads it. */
const sortable = (v: unknown): TableValue => (v instanceof Date ? v.getTime() : typeof v === "number" || typeof v === "string" ? v : null);

export interface StaticTableProps<TData> {
  // Columns mix value types; ColumnDef cannot express that without `any`.
  columns: ColumnDef<TData, any>[];
  data: TData[];
  emptyText: string;
  testId: string;
  getRowId?: (row: TData) => string;
  rowTestId?: (row: TData) => string;
  isFetching?: boolean;
  /** Names the scrollable frame for screen readers (defaults to a generic «Таблица»). */
  label?: string;
  /** Click-to-sort headers. */
  sortable?: boolean;
  /** A totals row, one cell per column, shown under the rows (never sorted with them). */
  totals?: ReactNode[];
}

export function StaticTable<TData>({ columns, data, emptyText, testId, getRowId, rowTestId, isFetching = false, label, sortable: canSort = false, totals }: StaticTableProps<TData>) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const table = useReactTable({
    ...sortingOptions<TData>(),
    data,
    columns,
    getRowId: getRowId ? (row) => getRowId(row) : undefined,
    getCoreRowModel: getCoreRowModel(),
    enableSorting: canSort,
    state: { sorting },
    onSortingChange: setSorting,
    defaultColumn: { sortingFn: (a, b, id) => compareTableValues(sortable(a.getValue(id)), sortable(b.getValue(id))) },
  });
  const rows = table.getRowModel().rows;
  return (
    <TableFrame label={label} className="rounded-lg border border-slate-200 bg-white">
      <table className={`min-w-full text-sm transition-opacity ${isFetching ? "opacity-60" : ""}`} data-testid={testId} aria-busy={isFetching || undefined}>
        <thead className="bg-slate-50">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} className="border-b border-slate-200 text-left text-slate-600">
              {group.headers.map((header) => {
                const content = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
                return header.column.getCanSort() ? (
                  <SortHeader key={header.id} column={header.column} className="px-3 py-2 font-medium whitespace-nowrap">
                    {content}
                  </SortHeader>
                ) : (
                  <th key={header.id} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                    {content}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="px-3 py-6 text-center text-slate-500">
                {emptyText}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.id} data-testid={rowTestId?.(row.original)} className="border-b border-slate-100 align-top last:border-0 hover:bg-slate-50">
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="px-3 py-2">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
        {totals && rows.length > 0 && (
          <tfoot>
            <tr className="border-t border-slate-300 bg-slate-50 font-medium" data-testid={`${testId}-totals`}>
              {totals.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="px-3 py-2 text-left">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className="px-3 py-2">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        )}
      </table>
    </TableFrame>
  );
}
