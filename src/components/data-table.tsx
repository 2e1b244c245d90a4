"use client";
// A table over one server-side page of rows: the server filters, sorts and
// pages, so the table never holds more than the page it shows.
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";
import { useMessages } from "./messages-provider";

export interface DataTableProps<TData> {
  // Columns mix value types (string, Date, JSON); ColumnDef cannot express that without `any`.
  columns: ColumnDef<TData, any>[];
  data: TData[];
  total: number;
  /** 0-based, as the procedures take it. */
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  isFetching?: boolean;
  emptyText: string;
  testId: string;
  getRowId?: (row: TData) => string;
  rowTestId?: (row: TData) => string;
}

export function DataTable<TData>({
  columns,
  data,
  total,
  page,
  pageSize,
  onPageChange,
  isFetching = false,
  emptyText,
  testId,
  getRowId,
  rowTestId,
}: DataTableProps<TData>) {
  const { m } = useMessages();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const table = useReactTable({
    data,
    columns,
    getRowId: getRowId ? (row) => getRowId(row) : undefined,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    rowCount: total,
    state: { pagination: { pageIndex: page, pageSize } },
  });

  return (
    <div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table
          className={`min-w-full text-sm transition-opacity ${isFetching ? "opacity-60" : ""}`}
          data-testid={testId}
          aria-busy={isFetching || undefined}
        >
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
                <tr
                  key={row.id}
                  data-testid={rowTestId?.(row.original)}
                  className="border-b border-slate-100 align-top last:border-0 hover:bg-slate-50"
                >
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
      <div className="mt-3 flex flex-wrap items-center gap-3 text-sm text-slate-600">
        <span data-testid={`${testId}-page`}>{m.common.pageOf(page + 1, pages)}</span>
        <span className="text-slate-400">{m.common.total(total)}</span>
        <div className="ml-auto flex gap-2">
          <button
            type="button"
            onClick={() => onPageChange(page - 1)}
            disabled={page <= 0 || isFetching}
            className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100 disabled:opacity-50"
          >
            {m.common.previous}
          </button>
          <button
            type="button"
            onClick={() => onPageChange(page + 1)}
            disabled={page + 1 >= pages || isFetching}
            className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100 disabled:opacity-50"
          >
            {m.common.next}
          </button>
        </div>
      </div>
    </div>
  );
}
