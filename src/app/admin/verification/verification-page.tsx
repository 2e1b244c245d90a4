"use client";
// Audit-chain verification: the latest result (a failure in red, on top), the
// history of runs, and, for the auditor, "verify now".
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import type { inferRouterOutputs } from "@trpc/server";
import { useMemo, useState } from "react";
import { DataTable } from "@/components/data-table";
import { useDateTime, useMessages } from "@/components/messages-provider";
import { QueryError } from "@/components/query-state";
import type { AppRouter } from "@/server/trpc/root";
import { useTRPC } from "@/trpc/react";

type Run = inferRouterOutputs<AppRouter>["admin"]["verification"]["runs"]["rows"][number];
const PAGE_SIZE = 20;
const column = createColumnHelper<Run>();

export function VerificationPage({ canRun }: { canRun: boolean }) {
  const { m } = useMessages();
  const dateTime = useDateTime();
  const t = m.accessReports.verification;
  const reasons = m.adminAudit.reasons as Record<string, string>;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(0);
  const [ackReason, setAckReason] = useState("");
  const runs = useQuery(trpc.admin.verification.runs.queryOptions({ page, pageSize: PAGE_SIZE }, { placeholderData: keepPreviousData }));
  const run = useMutation(
    trpc.admin.verification.run.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.admin.verification.runs.queryKey() }),
    }),
  );

  const acknowledge = useMutation(
    trpc.admin.verification.acknowledge.mutationOptions({
      onSuccess: () => setAckReason(""),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.admin.verification.runs.queryKey() }),
    }),
  );

  const resultText = (r: Run) =>
    r.ok ? t.resultOk : r.error ? `${t.resultError}: ${r.error}` : t.resultBroken(r.brokenAtId ?? "?", reasons[r.brokenReason ?? ""] ?? r.brokenReason ?? "");
  const columns = useMemo(
    () => [
      column.accessor("startedAt", { header: t.startedAt, cell: (c) => <span className="whitespace-nowrap">{dateTime(c.getValue())}</span> }),
      column.accessor("finishedAt", { header: t.finishedAt, cell: (c) => <span className="whitespace-nowrap">{dateTime(c.getValue())}</span> }),
      column.accessor("trigger", { header: t.trigger, cell: (c) => t.triggers[c.getValue()] }),
      column.accessor("actorLogin", { header: m.adminAudit.actor, cell: (c) => c.getValue() ?? m.common.none }),
      column.accessor("full", { header: t.scope, cell: (c) => (c.getValue() ? t.full : t.incremental) }),
      column.accessor("rowsChecked", { header: t.rowsChecked, cell: (c) => <span className="tabular-nums">{c.getValue()}</span> }),
      column.display({
        id: "result",
        header: t.result,
        cell: ({ row: { original: r } }) => (
          <span className={`rounded px-2 py-0.5 ${r.ok && r.signed ? "bg-green-50 text-green-800" : "bg-red-50 font-medium text-red-700"}`}>
            {resultText(r)}
            {!r.signed && ` (${t.unsigned})`}
          </span>
        ),
      }),
    ],
    [m, t, dateTime],
  );

  const latest = runs.data?.latest;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">{t.title}</h1>
        {canRun && (
          <div className="ml-auto flex gap-2">
            <button type="button" onClick={() => run.mutate({ full: false })} disabled={run.isPending} className="rounded border border-slate-300 px-4 py-2 hover:bg-slate-100 disabled:opacity-60">
              {run.isPending ? t.running : t.runIncremental}
            </button>
            <button type="button" onClick={() => run.mutate({ full: true })} disabled={run.isPending} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
              {run.isPending ? t.running : t.runFull}
            </button>
          </div>
        )}
      </div>
      {run.isError && (
        <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-800">
          {run.error.data?.code === "CONFLICT" ? t.busy : run.error.message || m.errors.generic}
        </p>
      )}
      <QueryError error={runs.error} />
      {runs.data && (
        <section data-testid="verification-latest" data-ok={latest ? String(latest.ok) : "none"}>
          <h2 className="mb-2 font-medium">{t.latest}</h2>
          {!latest ? (
            <p className="text-slate-500">{t.never}</p>
          ) : latest.ok ? (
            <p role="status" className="rounded bg-green-50 px-3 py-2 text-green-800">
              {t.ok(latest.rowsChecked, dateTime(latest.startedAt))}
            </p>
          ) : (
            <p role="alert" className="rounded border-2 border-red-600 bg-red-50 px-4 py-3 text-lg font-semibold text-red-700">
              {latest.error ? t.failedRun(dateTime(latest.startedAt), latest.error) : `${t.broken(latest.brokenAtId ?? "?", dateTime(latest.startedAt))}: ${reasons[latest.brokenReason ?? ""] ?? ""}`}
            </p>
          )}
          {latest?.ok && runs.data.lastFailure && (
            <p className="mt-2 text-sm text-red-700">{t.lastFailure(dateTime(runs.data.lastFailure.startedAt))}</p>
          )}
          {runs.data.lastAcknowledgement && (
            <p className="mt-2 text-sm text-slate-700">
              {t.acknowledged(dateTime(runs.data.lastAcknowledgement.at), runs.data.lastAcknowledgement.actorLogin ?? m.common.none, runs.data.lastAcknowledgement.reason)}
            </p>
          )}
        </section>
      )}
      {runs.data?.openBreak && (
        <section data-testid="verification-open-break" className="space-y-2 rounded border border-red-300 p-3">
          <p className="text-sm text-red-700">{t.openBreak}</p>
          {canRun && (
            <form
              method="post"
              className="flex flex-wrap items-end gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                acknowledge.mutate({ runId: runs.data.openBreak!.id, reason: ackReason });
              }}
            >
              <label className="flex min-w-80 flex-1 flex-col text-sm">
                {t.acknowledgeReason}
                <textarea value={ackReason} onChange={(e) => setAckReason(e.target.value)} maxLength={1000} rows={2} className="rounded border border-slate-300 px-2 py-1" />
              </label>
              <button type="submit" disabled={acknowledge.isPending} className="rounded border border-red-600 px-4 py-2 text-red-700 hover:bg-red-50 disabled:opacity-60">
                {acknowledge.isPending ? t.acknowledging : t.acknowledge}
              </button>
            </form>
          )}
          {acknowledge.isError && (
            <p role="alert" className="text-sm text-red-700">
              {acknowledge.error.message || m.errors.generic}
            </p>
          )}
        </section>
      )}
      {runs.data && (
        <section>
          <h2 className="mb-2 font-medium">{t.history}</h2>
          <DataTable
            columns={columns}
            data={runs.data.rows}
            total={runs.data.total}
            page={page}
            pageSize={PAGE_SIZE}
            onPageChange={setPage}
            isFetching={runs.isFetching}
            emptyText={t.empty}
            testId="verification-runs"
            getRowId={(r) => r.id}
          />
        </section>
      )}
    </div>
  );
}
