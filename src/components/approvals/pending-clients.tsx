"use client";
// Machine clients waiting for the second person (ministry portal only).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { useDateTime, useMessages } from "@/components/messages-provider";
import { QueryError } from "@/components/query-state";
import { StaticTable } from "@/components/static-table";
import type { AppRouter } from "@/server/trpc/root";
import { useTRPC } from "@/trpc/react";
import { DecisionButtons } from "./decision-buttons";

type Row = inferRouterOutputs<AppRouter>["ministry"]["approvals"]["clients"][number];

export function PendingClients({ onNotice }: { onNotice: (notice: { ok: boolean; text: string }) => void }) {
  const { m } = useMessages();
  const dateTime = useDateTime();
  const t = m.approvals;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.ministry.approvals.clients.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.ministry.approvals.clients.queryKey() });
  const onError = (error: { message: string }) => onNotice({ ok: false, text: error.message || m.errors.generic });
  const approve = useMutation(trpc.ministry.approvals.approveClient.mutationOptions({ onSuccess: async (r) => (await refresh(), onNotice({ ok: true, text: t.approved(r.name) })), onError }));
  const reject = useMutation(trpc.ministry.approvals.rejectClient.mutationOptions({ onSuccess: async (r) => (await refresh(), onNotice({ ok: true, text: t.rejected(r.name) })), onError }));
  const busy = approve.isPending || reject.isPending;
  const { mutate: doApprove } = approve;
  const { mutate: doReject } = reject;

  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      { header: t.client, accessorKey: "name" },
      { header: t.kind, cell: ({ row }) => m.apiClients.kinds[row.original.kind] },
      { header: t.organisation, cell: ({ row }) => row.original.organisation?.shortName ?? "—" },
      { header: t.requestedBy, cell: ({ row }) => (row.original.createdBy ? `${row.original.createdBy.fullName} (${row.original.createdBy.login})` : "—") },
      { header: t.requestedAt, cell: ({ row }) => dateTime(row.original.createdAt) },
      {
        header: t.actions,
        cell: ({ row }) => <DecisionButtons name={row.original.name} busy={busy} onApprove={() => doApprove({ id: row.original.id })} onReject={() => doReject({ id: row.original.id })} />,
      },
    ],
    [t, m.apiClients.kinds, busy, doApprove, doReject, dateTime],
  );

  return (
    <section className="space-y-2" aria-labelledby="pending-clients-title">
      <h2 id="pending-clients-title" className="text-lg font-semibold">
        {t.clientsTitle}
      </h2>
      {list.error ? (
        <QueryError error={list.error} />
      ) : (
        <StaticTable columns={columns} data={list.data ?? []} emptyText={t.noClients} testId="pending-clients" getRowId={(r) => r.id} rowTestId={(r) => `pending-client-${r.name}`} isFetching={list.isFetching} />
      )}
    </section>
  );
}
