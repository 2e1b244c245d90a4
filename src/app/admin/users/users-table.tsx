"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table";
import { useDateTime, useMessages } from "@/components/messages-provider";
import type { UserRow } from "./user-form";

const column = createColumnHelper<UserRow>();

interface UsersTableProps {
  rows: UserRow[];
  total: number;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  isFetching: boolean;
  /** The account whose (de)activation is in flight: its buttons wait. */
  busyId: string | null;
  onEdit: (user: UserRow) => void;
  onSetActive: (user: UserRow, active: boolean) => void;
}

export function UsersTable({ rows, total, page, pageSize, onPageChange, isFetching, busyId, onEdit, onSetActive }: UsersTableProps) {
  const { m } = useMessages();
  const dateTime = useDateTime();
  const t = m.adminUsers;
  const columns = useMemo(
    () => [
      column.accessor("login", { header: t.login, cell: (c) => <span className="font-mono">{c.getValue()}</span> }),
      column.accessor("fullName", { header: t.fullName }),
      column.accessor("role", { header: t.role, cell: (c) => m.roles[c.getValue()] }),
      column.display({
        id: "scope",
        header: t.scope,
        cell: ({ row: { original: u } }) =>
          u.scopeKind === "ORGANISATION" ? (
            <span title={u.organisation?.municipality.name}>{u.organisation?.shortName ?? m.common.none}</span>
          ) : u.scopeKind === "MUNICIPALITY" ? (
            (u.municipality?.name ?? m.common.none)
          ) : (
            m.scopes.REGION
          ),
      }),
      column.accessor("active", {
        header: t.status,
        cell: ({ getValue, row: { original: u } }) => (
          <div className="space-y-1">
            {getValue() ? (
              <span className="rounded bg-green-50 px-2 py-0.5 text-green-800">{t.active}</span>
            ) : (
              <span className="rounded bg-slate-100 px-2 py-0.5 text-slate-600">{t.inactive}</span>
            )}
            {/* Two-person rule: a request waiting for the ministry, or a new account never approved. */}
            {u.pendingRequest ? (
              <div className="text-xs whitespace-nowrap text-amber-700" data-testid="pending-approval">
                {u.pendingRequest.kind === "CHANGE" ? m.accountApproval.pendingChange(m.roles[u.pendingRequest.role]) : m.accountApproval.pending}
              </div>
            ) : u.approvedAt === null ? (
              <div className="text-xs text-slate-500">{m.accountApproval.notApproved}</div>
            ) : null}
          </div>
        ),
      }),
      column.accessor("lastLoginAt", {
        header: t.lastLogin,
        cell: (c) => <span className="whitespace-nowrap">{c.getValue() ? dateTime(c.getValue()) : t.neverSignedIn}</span>,
      }),
      column.display({
        id: "actions",
        header: () => <span className="sr-only">{t.actions}</span>,
        cell: ({ row: { original: u } }) => (
          <div className="flex justify-end gap-2 whitespace-nowrap">
            <button type="button" onClick={() => onEdit(u)} className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
              {t.edit}
            </button>
            <button
              type="button"
              disabled={busyId === u.id}
              onClick={() => onSetActive(u, !u.active)}
              className={`rounded border px-2 py-1 disabled:opacity-50 ${
                u.active ? "border-red-300 text-red-700 hover:bg-red-50" : "border-green-300 text-green-800 hover:bg-green-50"
              }`}
            >
              {u.active ? t.deactivate : t.activate}
            </button>
          </div>
        ),
      }),
    ],
    [m, t, busyId, onEdit, onSetActive, dateTime],
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
      testId="users-table"
      getRowId={(u) => u.id}
      rowTestId={(u) => `user-row-${u.login}`}
    />
  );
}
