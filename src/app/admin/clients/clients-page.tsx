"use client";
// Machine clients: the list, the registration form, and the one moment a
// token is visible (after registering or rotating) until the admin closes it.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { useDateTime, useMessages } from "@/components/messages-provider";
import { QueryError } from "@/components/query-state";
import { StaticTable } from "@/components/static-table";
import type { AppRouter } from "@/server/trpc/root";
import { useTRPC } from "@/trpc/react";
import { ClientForm } from "./client-form";

type ClientRow = inferRouterOutputs<AppRouter>["admin"]["machineClients"]["list"][number];

export function ClientsPage() {
  const { m } = useMessages();
  const dateTime = useDateTime();
  const t = m.apiClients;
  const a = m.accountApproval;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.admin.machineClients.list.queryOptions());
  const [showForm, setShowForm] = useState(false);
  const [issued, setIssued] = useState<{ name: string; token: string; pending: boolean } | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.machineClients.list.queryKey() });
  const onError = (error: { message: string }) => setNotice({ ok: false, text: error.message || m.errors.generic });
  const rotate = useMutation(
    trpc.admin.machineClients.rotateToken.mutationOptions({
      onSuccess: async ({ client, token }) => {
        await refresh();
        setIssued({ name: client.name, token, pending: client.approvalStatus === "PENDING" });
      },
      onError,
    }),
  );
  const revoke = useMutation(
    trpc.admin.machineClients.revoke.mutationOptions({
      onSuccess: async (client) => {
        await refresh();
        setNotice({ ok: true, text: t.revokedNotice(client.name) });
      },
      onError,
    }),
  );
  const { mutate: mutateRotate } = rotate;
  const { mutate: mutateRevoke } = revoke;

  const columns = useMemo<ColumnDef<ClientRow>[]>(
    () => [
      { header: t.name, accessorKey: "name" },
      { header: t.kind, cell: ({ row }) => t.kinds[row.original.kind] },
      { header: t.organisation, cell: ({ row }) => row.original.organisation?.shortName ?? "—" },
      { header: t.rateLimit, accessorKey: "rateLimitPerMinute" },
      { header: t.token, cell: ({ row }) => (row.original.token ? <code>kt_{row.original.token.lookupId}_…</code> : "—") },
      { header: t.lastUsed, cell: ({ row }) => (row.original.token?.lastUsedAt ? dateTime(row.original.token.lastUsedAt) : t.never) },
      {
        header: t.status,
        cell: ({ row }) => {
          const c = row.original;
          if (!c.active) return c.approvalStatus === "REJECTED" ? a.clientRejected : t.revoked(dateTime(c.revokedAt));
          // Two-person rule: the token answers 401 until the ministry approves the client.
          return c.approvalStatus === "PENDING" ? <span className="text-amber-700">{a.clientPending}</span> : t.active;
        },
      },
      {
        header: t.actions,
        cell: ({ row }) =>
          row.original.active ? (
            <div className="flex flex-wrap gap-x-3">
              <button type="button" className="text-brand-600 underline" onClick={() => window.confirm(t.confirmRotate(row.original.name)) && mutateRotate({ id: row.original.id })}>
                {t.rotate}
              </button>
              <button type="button" className="text-red-700 underline" onClick={() => window.confirm(t.confirmRevoke(row.original.name)) && mutateRevoke({ id: row.original.id })}>
                {t.revoke}
              </button>
            </div>
          ) : null,
      },
    ],
    [t, a, mutateRotate, mutateRevoke, dateTime],
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-xl font-semibold">{t.title}</h1>
        <a href="/api/v1/docs" className="text-brand-600 underline">
          {t.docsLink}
        </a>
        {!showForm && !issued && (
          <button type="button" onClick={() => (setNotice(null), setShowForm(true))} className="ml-auto rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
            {t.register}
          </button>
        )}
      </div>
      <p className="text-sm text-slate-600">{t.lead}</p>
      {issued && (
        <section role="alert" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="issued-token">
          <h2 className="font-semibold">{t.tokenTitle(issued.name)}</h2>
          <p className="text-sm">{t.tokenOnce}</p>
          {issued.pending && (
            <p className="text-sm font-medium" data-testid="token-pending">
              {a.tokenPending}
            </p>
          )}
          <code className="block break-all rounded bg-white p-2 text-sm select-all" data-testid="token-value">
            {issued.token}
          </code>
          <button type="button" onClick={() => setIssued(null)} className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50">
            {t.tokenDone}
          </button>
        </section>
      )}
      {showForm && (
        <ClientForm
          onCancel={() => setShowForm(false)}
          onIssued={async (name, token) => {
            await refresh();
            setShowForm(false);
            // A newly registered client is always pending (two-person rule).
            setIssued({ name, token, pending: true });
          }}
        />
      )}
      {notice && (
        <p role="status" className={notice.ok ? "text-green-700" : "text-red-700"}>
          {notice.text}
        </p>
      )}
      {list.error ? <QueryError error={list.error} /> : <StaticTable columns={columns} data={list.data ?? []} emptyText={t.empty} testId="clients-table" getRowId={(r) => r.id} rowTestId={(r) => `client-${r.name}`} isFetching={list.isFetching} />}
    </div>
  );
}
