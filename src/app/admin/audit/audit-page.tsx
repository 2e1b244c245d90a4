"use client";
// The auditor's log browser. Filters and page live in the URL (a login, an
// action code, days: no learner data); reading the log and verifying the
// chain each add a row to the log itself. Actions, objects and details are
// shown in words from the audit-label catalogue.
import { keepPreviousData, skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import type { inferRouterOutputs } from "@trpc/server";
import { useMemo, type FormEvent } from "react";
import { DataTable } from "@/components/data-table";
import { useDateTime, useMessages } from "@/components/messages-provider";
import { issuesToErrors } from "@/lib/errors/form-errors";
import { ZListAuditInput } from "@/lib/schemas/audit";
import { isRole } from "@/server/authz/matrix";
import type { AppRouter } from "@/server/trpc/root";
import { useTRPC } from "@/trpc/react";
import { useUrlFilters } from "@/components/use-url-filters";
import { FilterSelect } from "@/components/list-filters";
import { QueryError } from "@/components/query-state";
import Link from "next/link";
import { accountReadsHref, ActionCell, ActionOptions, DetailsCell, ObjectCell } from "@/components/audit/audit-cells";

type AuditRow = inferRouterOutputs<AppRouter>["admin"]["audit"]["list"]["rows"][number];
const FILTERS = ["login", "action", "from", "to"] as const;
const PAGE_SIZE = 50;
const column = createColumnHelper<AuditRow>();
const OUTCOME_CLASS: Record<string, string> = {
  SUCCESS: "bg-green-50 text-green-800",
  FAILURE: "bg-red-50 text-red-700",
  DENIED: "bg-amber-50 text-amber-800",
};

export function AuditPage() {
  const { m, locale } = useMessages();
  const dateTime = useDateTime();
  const t = m.adminAudit;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { applied, page, draft, setField, apply, setPage, reset } = useUrlFilters(FILTERS);

  // Checked here with the server's schema, so a reversed period is explained
  // next to the date fields instead of coming back as a failed request.
  const input = ZListAuditInput.safeParse({
    login: applied.login || undefined,
    action: applied.action || undefined,
    from: applied.from || undefined,
    to: applied.to || undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const inputErrors = input.success ? {} : issuesToErrors(input.error.issues, locale);
  const list = useQuery(
    trpc.admin.audit.list.queryOptions(input.success ? input.data : skipToken, { placeholderData: keepPreviousData }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply();
  }

  const verify = useMutation(
    trpc.admin.audit.verifyChain.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.admin.audit.list.queryKey() }),
    }),
  );

  const columns = useMemo(
    () => [
      column.accessor("id", { header: t.id, cell: (c) => <span className="font-mono tabular-nums">{c.getValue()}</span> }),
      column.accessor("at", { header: t.at, cell: (c) => <span className="whitespace-nowrap">{dateTime(c.getValue())}</span> }),
      column.accessor("actorLogin", {
        header: t.actor,
        cell: (c) => {
          const login = c.getValue();
          return login ? (
            <Link href={accountReadsHref(login)} title={m.auditLabels.openAccountReads} className="text-brand-600 underline">
              {login}
            </Link>
          ) : (
            m.common.none
          );
        },
      }),
      column.accessor("actorRole", {
        header: t.role,
        cell: (c) => {
          const role = c.getValue();
          return role ? (isRole(role) ? m.roles[role] : role) : m.common.none;
        },
      }),
      column.accessor("ip", { header: t.ip, cell: (c) => <span className="font-mono">{c.getValue() ?? m.common.none}</span> }),
      column.accessor("action", { header: t.action, cell: (c) => <ActionCell code={c.getValue()} /> }),
      column.accessor("outcome", {
        header: t.outcome,
        cell: (c) => (
          <span className={`rounded px-2 py-0.5 whitespace-nowrap ${OUTCOME_CLASS[c.getValue()] ?? ""}`}>
            {t.outcomes[c.getValue() as keyof typeof t.outcomes] ?? c.getValue()}
          </span>
        ),
      }),
      column.accessor("object", { header: t.entity, cell: (c) => <ObjectCell object={c.getValue()} /> }),
      column.accessor("details", { header: t.details, cell: (c) => <DetailsCell details={c.getValue()} names={c.row.original.detailNames} /> }),
    ],
    [m, t, dateTime],
  );

  const inputClass = "rounded border bg-white px-3 py-2";
  const fieldError = (name: (typeof FILTERS)[number]) =>
    inputErrors[name] && (
      <span id={`${name}-error`} className="mt-1 block text-sm text-red-700">
        {inputErrors[name]}
      </span>
    );
  const result = verify.data;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-xl font-semibold">{t.title}</h1>
        <button
          type="button"
          onClick={() => verify.mutate()}
          disabled={verify.isPending}
          className="ml-auto rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {verify.isPending ? t.verifying : t.verify}
        </button>
      </div>

      {result && (
        <p
          role={result.ok ? "status" : "alert"}
          data-testid="chain-result"
          data-ok={result.ok}
          className={`rounded px-3 py-2 text-sm ${result.ok ? "bg-green-50 text-green-800" : "bg-red-50 font-medium text-red-700"}`}
        >
          {result.ok ? t.chainOk(result.checked) : `${t.chainBroken(result.brokenAtId ?? "—")}: ${t.reasons[result.reason]}`}
        </p>
      )}
      {verify.isError && (
        <p role="alert" data-testid="chain-result" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">
          {verify.error.message || m.errors.generic}
        </p>
      )}

      <form method="post" onSubmit={onSubmit} role="search" className="flex flex-wrap items-start gap-3">
        <label className="block">
          <span className="mb-1 block text-sm font-medium text-slate-700">{t.login}</span>
          <input name="login" value={draft.login} onChange={(e) => setField("login", e.target.value)} maxLength={64} className={`${inputClass} border-slate-300`} />
        </label>
        <FilterSelect label={t.action} name="action" value={draft.action} allLabel={t.allActions} onChange={(action) => apply({ action })}>
          <ActionOptions />
        </FilterSelect>
        {(["from", "to"] as const).map((name) => (
          <label key={name} className="block">
            <span className="mb-1 block text-sm font-medium text-slate-700">{t[name]}</span>
            <input
              type="date"
              name={name}
              value={draft[name]}
              onChange={(e) => setField(name, e.target.value)}
              aria-invalid={inputErrors[name] ? true : undefined}
              aria-describedby={inputErrors[name] ? `${name}-error` : undefined}
              className={`${inputClass} ${inputErrors[name] ? "border-red-500" : "border-slate-300"}`}
            />
            {fieldError(name)}
          </label>
        ))}
        <div className="flex gap-2 self-end">
          <button type="submit" className="rounded border border-slate-300 px-4 py-2 hover:bg-slate-100">
            {t.apply}
          </button>
          <button type="button" onClick={reset} className="rounded px-3 py-2 text-slate-600 hover:bg-slate-100">
            {t.reset}
          </button>
        </div>
      </form>

      <QueryError error={list.error} />
      {input.success && list.isPending ? (
        <p className="text-slate-500">{m.common.loading}</p>
      ) : list.data ? (
        <DataTable
          columns={columns}
          data={list.data.rows}
          total={list.data.total}
          page={page}
          pageSize={PAGE_SIZE}
          onPageChange={setPage}
          isFetching={list.isFetching}
          emptyText={t.empty}
          testId="audit-table"
          getRowId={(r) => r.id}
        />
      ) : null}
    </div>
  );
}
