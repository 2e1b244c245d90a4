"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table";
import { useMessages } from "@/components/messages-provider";
import { formatDate } from "@/lib/format";
import type { OrganisationRow } from "./organisation-form";

const column = createColumnHelper<OrganisationRow>();

interface OrganisationsTableProps {
  rows: OrganisationRow[];
  total: number;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  isFetching: boolean;
  onEdit: (org: OrganisationRow) => void;
  onClose: (org: OrganisationRow) => void;
}

export function OrganisationsTable({ rows, total, page, pageSize, onPageChange, isFetching, onEdit, onClose }: OrganisationsTableProps) {
  const { m } = useMessages();
  const t = m.organisations;
  const columns = useMemo(
    () => [
      column.accessor("shortName", {
        header: t.name,
        cell: ({ row: { original: o } }) => (
          <span title={o.fullName} className="font-medium">
            {o.shortName}
          </span>
        ),
      }),
      column.accessor("type", { header: t.type, cell: (c) => m.orgTypes[c.getValue()] }),
      column.accessor((o) => o.municipality.name, { id: "municipality", header: t.municipality }),
      column.accessor("inn", { header: t.inn, cell: (c) => <span className="font-mono">{c.getValue()}</span> }),
      column.accessor("ogrn", { header: t.ogrn, cell: (c) => <span className="font-mono">{c.getValue()}</span> }),
      column.display({
        id: "licence",
        header: t.licence,
        cell: ({ row: { original: o } }) =>
          o.licenceNumber && o.licenceDate ? t.licenceOf(o.licenceNumber, formatDate(o.licenceDate)) : m.common.none,
      }),
      column.accessor("activeLearners", { header: t.learners, cell: (c) => <span className="tabular-nums">{c.getValue()}</span> }),
      column.accessor("closedAt", {
        header: t.status,
        cell: (c) => {
          const closedAt = c.getValue();
          return closedAt ? (
            <span className="rounded bg-slate-100 px-2 py-0.5 whitespace-nowrap text-slate-600">{t.closedOn(formatDate(closedAt))}</span>
          ) : (
            <span className="rounded bg-green-50 px-2 py-0.5 text-green-800">{t.isOpen}</span>
          );
        },
      }),
      column.display({
        id: "actions",
        header: () => <span className="sr-only">{t.actions}</span>,
        cell: ({ row: { original: o } }) => (
          <div className="flex justify-end gap-2 whitespace-nowrap">
            <button type="button" onClick={() => onEdit(o)} className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
              {t.edit}
            </button>
            {!o.closedAt && (
              <button type="button" onClick={() => onClose(o)} className="rounded border border-red-300 px-2 py-1 text-red-700 hover:bg-red-50">
                {t.close}
              </button>
            )}
          </div>
        ),
      }),
    ],
    [m, t, onEdit, onClose],
  );
  return (
    <DataTable
      columns={columns}
      data={rows}
      total={total}
      page={page}
      pageSize={pageSize}
      onPageChange={onPageChange}
      isFetching={isFetching}
      emptyText={t.empty}
      testId="organisations-table"
      getRowId={(o) => o.id}
      rowTestId={(o) => `organisation-row-${o.inn}`}
    />
  );
}
