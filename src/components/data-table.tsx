"use client";
// A table over one server-side page of rows: the server filters, sorts and
// pages, so the table never holds more than the page it shows.
import type { ColumnDef } from "@tanstack/react-table";
import { useMessages } from "./messages-provider";
import { StaticTable } from "./static-table";

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

export function DataTable<TData>({ total, page, pageSize, onPageChange, ...table }: DataTableProps<TData>) {
  const { m } = useMessages();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const busy = table.isFetching ?? false;
  const pagerButton = "rounded border border-slate-300 px-3 py-1 hover:bg-slate-100 disabled:opacity-50";
  return (
    <div>
      <StaticTable {...table} />
      <div className="mt-3 flex flex-wrap items-center gap-3 text-sm text-slate-600">
        <span data-testid={`${table.testId}-page`}>{m.common.pageOf(page + 1, pages)}</span>
        <span>{m.common.total(total)}</span>
        <div className="ml-auto flex gap-2">
          <button type="button" onClick={() => onPageChange(page - 1)} disabled={page <= 0 || busy} className={pagerButton}>
            {m.common.previous}
          </button>
          <button type="button" onClick={() => onPageChange(page + 1)} disabled={page + 1 >= pages || busy} className={pagerButton}>
            {m.common.next}
          </button>
        </div>
      </div>
    </div>
  );
}
