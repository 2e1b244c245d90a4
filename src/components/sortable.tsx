"use client";
// Click-to-sort for the ministry's count tables, on TanStack Table's sorting
// model with the shared comparison (src/lib/table-sort.ts: Russian order for
// names, numbers numerically, hidden «<5» between 0 and 5). A table keeps its
// totals row outside the sorted rows (in <tfoot>), so it always stays last.
// Counts start largest first; names from А. A third click restores the order
// the server gave.
import { getCoreRowModel, getSortedRowModel, useReactTable, type Column, type ColumnDef, type SortingState, type TableOptions } from "@tanstack/react-table";
import { useState, type ReactNode } from "react";
import { compareTableValues, type TableValue } from "@/lib/table-sort";

export interface SortColumn<T> {
  id: string;
  value: (row: T) => TableValue;
  /** Counts: the first click puts the largest first. */
  numeric?: boolean;
}

/**
 * The options every sortable table shares. These tables have no pages, so
 * nothing may reset a page index when the rows change: by default TanStack
 * Table answers every new `data` array with a state update (autoResetPageIndex),
 * and a table whose rows are derived during render (a new array each render)
 * then re-renders itself forever. That loop is what froze the health statistics
 * on the first drill-down click; sortable.test.ts pins it down.
 */
export function sortingOptions<T>(): Pick<TableOptions<T>, "getCoreRowModel" | "getSortedRowModel" | "autoResetPageIndex"> {
  return { getCoreRowModel: getCoreRowModel(), getSortedRowModel: getSortedRowModel(), autoResetPageIndex: false };
}

/** A column definition sorting by `value` with the shared comparison. */
export function sortColumnDef<T>(c: SortColumn<T>): ColumnDef<T, TableValue> {
  return {
    id: c.id,
    accessorFn: c.value,
    sortDescFirst: c.numeric ?? false,
    sortingFn: (a, b, id) => compareTableValues(a.getValue<TableValue>(id), b.getValue<TableValue>(id)),
  };
}

export function useSortedRows<T>(data: readonly T[], columns: readonly SortColumn<T>[]) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const table = useReactTable({
    ...sortingOptions<T>(),
    data: data as T[],
    columns: columns.map(sortColumnDef),
    state: { sorting },
    onSortingChange: setSorting,
  });
  return { rows: table.getRowModel().rows.map((r) => r.original), column: (id: string) => table.getColumn(id)! };
}

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

/** A header cell whose label is a button sorting by its column; aria-sort tells the order. */
export function SortHeader<T>({ column, children, className = "" }: { column: Column<T, unknown>; children: ReactNode; className?: string }) {
  const sorted = column.getIsSorted();
  return (
    <th scope="col" aria-sort={sorted ? ARIA_SORT[sorted] : undefined} className={className}>
      <button type="button" onClick={column.getToggleSortingHandler()} className="inline-flex items-center gap-1 hover:underline" data-testid={`sort-${column.id}`}>
        {children}
        <span aria-hidden className={sorted ? "text-slate-700" : "text-slate-300"}>
          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
        </span>
      </button>
    </th>
  );
}
