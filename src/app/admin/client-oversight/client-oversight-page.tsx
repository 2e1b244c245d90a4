"use client";
// The auditor's list of machine clients: who registered and who approved each
// one, and what it did (calls and distinct learners, from the audit log).
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { useDateTime, useMessages } from "@/components/messages-provider";
import { QueryError } from "@/components/query-state";
import { StaticTable } from "@/components/static-table";
import type { AppRouter } from "@/server/trpc/root";
import { useTRPC } from "@/trpc/react";

type Row = inferRouterOutputs<AppRouter>["admin"]["clientOversight"]["list"][number];
type Person = Row["createdBy"];

const who = (p: Person) => (p ? `${p.fullName} (${p.login})` : null);

export function ClientOversightPage() {
  const { m } = useMessages();
  const dateTime = useDateTime();
  const t = m.clientOversight;
  const trpc = useTRPC();
  // Each view is audited: no refetch on focus.
  const list = useQuery(trpc.admin.clientOversight.list.queryOptions(undefined, { refetchOnWindowFocus: false }));

  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      { header: t.name, cell: ({ row }) => <>{row.original.name}{row.original.organisation && <div className="text-xs text-slate-500">{row.original.organisation.shortName}</div>}</> },
      { header: t.kind, cell: ({ row }) => m.apiClients.kinds[row.original.kind] },
      {
        header: t.status,
        cell: ({ row }) => `${t.statuses[row.original.approvalStatus]}${!row.original.active && row.original.approvalStatus !== "REJECTED" ? `, ${t.revoked} ${dateTime(row.original.revokedAt)}` : ""}`,
      },
      { header: t.createdBy, cell: ({ row }) => <>{who(row.original.createdBy) ?? "—"}<div className="text-xs text-slate-500">{dateTime(row.original.createdAt)}</div></> },
      {
        header: t.approvedBy,
        cell: ({ row }) => {
          const r = row.original;
          if (r.approvedAt) return <>{who(r.approvedBy) ?? t.byMigration}<div className="text-xs text-slate-500">{dateTime(r.approvedAt)}</div></>;
          if (r.rejectedAt) return <>{who(r.rejectedBy) ?? "—"}<div className="text-xs text-slate-500">{dateTime(r.rejectedAt)}</div></>;
          return "—";
        },
      },
      { header: t.events, cell: ({ row }) => `${row.original.activity.events} (${t.denied}: ${row.original.activity.denied})` },
      { header: t.learners, cell: ({ row }) => row.original.activity.learners },
      { header: t.lastAt, cell: ({ row }) => (row.original.activity.lastAt ? dateTime(row.original.activity.lastAt) : t.never) },
    ],
    [t, m.apiClients.kinds, dateTime],
  );

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t.title}</h1>
      <p className="text-sm text-slate-600">{t.lead}</p>
      {list.error ? (
        <QueryError error={list.error} />
      ) : (
        <StaticTable columns={columns} data={list.data ?? []} emptyText={t.empty} testId="client-oversight" getRowId={(r) => r.id} rowTestId={(r) => `oversight-${r.name}`} isFetching={list.isFetching} />
      )}
    </div>
  );
}
