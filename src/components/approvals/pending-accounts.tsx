"use client";
// Account requests waiting for the second person: the ministry portal sees
// school and education roles, the health portal health roles.
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

type Row = inferRouterOutputs<AppRouter>["ministry"]["approvals"]["accounts"][number];
type Access = Row["requested"];

export function PendingAccounts({ portal, onNotice }: { portal: "ministry" | "health"; onNotice: (notice: { ok: boolean; text: string }) => void }) {
  const { m } = useMessages();
  const dateTime = useDateTime();
  const t = m.approvals;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Same procedures under each portal's router; the server picks which requests each may decide.
  const api = portal === "ministry" ? trpc.ministry.approvals : trpc.health.approvals;
  const list = useQuery(api.accounts.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: api.accounts.queryKey() });
  const onError = (error: { message: string }) => onNotice({ ok: false, text: error.message || m.errors.generic });
  const approve = useMutation(api.approveAccount.mutationOptions({ onSuccess: async (r) => (await refresh(), onNotice({ ok: true, text: t.approved(r.login) })), onError }));
  const reject = useMutation(api.rejectAccount.mutationOptions({ onSuccess: async (r) => (await refresh(), onNotice({ ok: true, text: t.rejected(r.login) })), onError }));
  const busy = approve.isPending || reject.isPending;
  const { mutate: doApprove } = approve;
  const { mutate: doReject } = reject;

  const columns = useMemo<ColumnDef<Row>[]>(() => {
    const access = (a: Access | null) => (a ? `${m.roles[a.role]} · ${m.scopes[a.scopeKind]}${a.unitName ? `: ${a.unitName}` : ""}` : t.nothingYet);
    return [
      { header: t.account, cell: ({ row }) => `${row.original.user.fullName} (${row.original.user.login})` },
      { header: t.request, cell: ({ row }) => t.kinds[row.original.kind] },
      { header: t.current, cell: ({ row }) => access(row.original.current) },
      { header: t.requested, cell: ({ row }) => <strong>{access(row.original.requested)}</strong> },
      { header: t.requestedBy, cell: ({ row }) => (row.original.requestedBy ? `${row.original.requestedBy.fullName} (${row.original.requestedBy.login})` : "—") },
      { header: t.requestedAt, cell: ({ row }) => dateTime(row.original.requestedAt) },
      {
        header: t.actions,
        cell: ({ row }) => <DecisionButtons name={row.original.user.login} busy={busy} onApprove={() => doApprove({ id: row.original.id })} onReject={() => doReject({ id: row.original.id })} />,
      },
    ];
  }, [t, m.roles, m.scopes, busy, doApprove, doReject, dateTime]);

  return (
    <section className="space-y-2" aria-labelledby="pending-accounts-title">
      <h2 id="pending-accounts-title" className="text-lg font-semibold">
        {t.accountsTitle}
      </h2>
      {list.error ? (
        <QueryError error={list.error} />
      ) : (
        <StaticTable columns={columns} data={list.data ?? []} emptyText={t.noAccounts} testId="pending-accounts" getRowId={(r) => r.id} rowTestId={(r) => `pending-account-${r.user.login}`} isFetching={list.isFetching} />
      )}
    </section>
  );
}
