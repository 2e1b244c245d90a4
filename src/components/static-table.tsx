"use client";
// The table markup every list shares. On its own it shows a short list the page
// holds whole (a school's programmes, one year's classes); DataTable adds the
// pager for server-side pages.
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";

export interface StaticTableProps<TData> {
  // Columns mix value types; ColumnDef cannot express that without `any`.
  columns: ColumnDef<TData, any>[];
  data: TData[];
  emptyText: string;
  testId: string;
  getRowId?: (row: TData) => string;
  rowTestId?: (row: TData) => string;
  isFetching?: boolean;
}

export function StaticTable<TData>({ columns, data, emptyText, testId, getRowId, rowTestId, isFetching = false }: StaticTableProps<TData>) {
  const table = useReactTable({ data, columns, getRowId: getRowId ? (row) => getRowId(row) : undefined, getCoreRowModel: getCoreRowModel() });
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className={`min-w-full text-sm transition-opacity ${isFetching ? "opacity-60" : ""}`} data-testid={testId} aria-busy={isFetching || undefined}>
        <thead className="bg-slate-50">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} className="border-b border-slate-200 text-left text-slate-600">
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                  {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="px-3 py-6 text-center text-slate-500">
                {emptyText}
              </td>
            </tr>
          ) : (
            table.getRowModel().rows.map((row) => (
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
      </table>
    </div>
  );
}
