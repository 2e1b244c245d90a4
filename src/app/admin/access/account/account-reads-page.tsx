"use client";
// "What did this account read": for one login and a period, every learner the
// account opened, per read or per learner with counts. Each view is audited.
import { keepPreviousData, skipToken, useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import type { inferRouterOutputs } from "@trpc/server";
import { useCallback, useMemo, type FormEvent } from "react";
import { DataTable } from "@/components/data-table";
import { useDateTime, useMessages } from "@/components/messages-provider";
import { QueryError } from "@/components/query-state";
import { useUrlFilters } from "@/components/use-url-filters";
import { formatDate } from "@/lib/format";
import { ZAccountReadsInput } from "@/lib/schemas/access-reports";
import type { AppRouter } from "@/server/trpc/root";
import { useTRPC } from "@/trpc/react";
import Link from "next/link";
import { ActionCell, learnerAccessHref } from "@/components/audit/audit-cells";
import { issuesToErrors, serverErrorsOf } from "@/lib/errors/form-errors";
import { ExportLinks, LabelledInput, useLabels } from "../report-parts";

type Output = inferRouterOutputs<AppRouter>["admin"]["accessReports"]["accountReads"];
const FILTERS = ["login", "from", "to", "view"] as const;
const PAGE_SIZE = 50;
const event = createColumnHelper<Output["events"][number]>();
const perLearner = createColumnHelper<Output["byLearner"][number]>();

export function AccountReadsPage() {
  const { m, locale } = useMessages();
  const dateTime = useDateTime();
  const t = m.accessReports.accountReads;
  const labels = useLabels();
  const trpc = useTRPC();
  const { applied, page, draft, setField, apply, setPage } = useUrlFilters(FILTERS);
  const view = applied.view === "learners" ? "learners" : "events";

  const input = ZAccountReadsInput.safeParse({
    login: applied.login,
    from: applied.from || undefined,
    to: applied.to || undefined,
    view,
    page,
    pageSize: PAGE_SIZE,
  });
  const errors = applied.login && !input.success ? issuesToErrors(input.error.issues, locale) : {};
  const report = useQuery(
    trpc.admin.accessReports.accountReads.queryOptions(applied.login && input.success ? input.data : skipToken, {
      placeholderData: keepPreviousData,
      refetchOnWindowFocus: false,
    }),
  );
  // An unknown login comes back as NOT_FOUND naming the field: shown next to it.
  const serverLoginError = report.error ? serverErrorsOf(report.error, m.errors.generic, ["login"]).fields.login : undefined;

  // A learner still on record links to «who accessed this learner» (the auditor's own report; id only in the URL).
  const learnerLink = useCallback(
    (learnerId: string, name: string | null) =>
      name ? (
        <Link href={learnerAccessHref(learnerId)} title={m.auditLabels.openLearnerAccess} className="text-brand-600 underline">
          {name}
        </Link>
      ) : (
        t.deleted
      ),
    [m, t],
  );
  const eventColumns = useMemo(
    () => [
      event.accessor("at", { header: t.at, cell: (c) => <span className="whitespace-nowrap">{dateTime(c.getValue())}</span> }),
      event.accessor("action", { header: t.action, cell: (c) => <ActionCell code={c.getValue()} /> }),
      event.accessor("stage", { header: t.stage, cell: (c) => labels.stage(c.getValue()) }),
      event.accessor("learner", { header: t.learner, cell: (c) => learnerLink(c.row.original.learnerId, c.getValue()) }),
      event.accessor("birthDate", { header: t.birthDate, cell: (c) => (c.getValue() ? formatDate(c.getValue()) : m.common.none) }),
    ],
    [m, t, labels, dateTime, learnerLink],
  );
  const learnerColumns = useMemo(
    () => [
      perLearner.accessor("learner", { header: t.learner, cell: (c) => learnerLink(c.row.original.learnerId, c.getValue()) }),
      perLearner.accessor("birthDate", { header: t.birthDate, cell: (c) => (c.getValue() ? formatDate(c.getValue()) : m.common.none) }),
      perLearner.accessor("reads", { header: t.reads, cell: (c) => <span className="tabular-nums">{c.getValue()}</span> }),
      perLearner.accessor("firstAt", { header: t.firstAt, cell: (c) => dateTime(c.getValue()) }),
      perLearner.accessor("lastAt", { header: t.lastAt, cell: (c) => dateTime(c.getValue()) }),
    ],
    [m, t, dateTime, learnerLink],
  );

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    apply();
  }
  const tab = (value: "events" | "learners", label: string) => (
    <button
      type="button"
      onClick={() => apply({ view: value === "events" ? "" : value })}
      aria-pressed={view === value}
      className={`rounded px-3 py-1 ${view === value ? "bg-brand-600 text-white" : "border border-slate-300 hover:bg-slate-100"}`}
    >
      {label}
    </button>
  );

  const data = report.data;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t.title}</h1>
      <form method="post" onSubmit={onSubmit} className="flex flex-wrap items-start gap-3">
        <LabelledInput label={t.login} name="login" value={draft.login} onChange={(e) => setField("login", e.target.value)} error={errors.login ?? serverLoginError} maxLength={64} />
        <LabelledInput type="date" label={m.accessReports.period.from} name="from" value={draft.from} onChange={(e) => setField("from", e.target.value)} error={errors.from} />
        <LabelledInput type="date" label={m.accessReports.period.to} name="to" value={draft.to} onChange={(e) => setField("to", e.target.value)} error={errors.to} />
        <button type="submit" className="self-end rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          {t.show}
        </button>
      </form>
      {!serverLoginError && <QueryError error={report.error} />}
      {data && (
        <>
          <div className="flex flex-wrap items-center gap-3">
            <p className="font-medium" data-testid="account-reads-summary">
              {t.account(data.account.login, data.account.fullName)} · {labels.role(data.account.role)} · {t.summary(data.total, data.learners)}
            </p>
            <div className="flex gap-2">
              {tab("events", t.viewEvents)}
              {tab("learners", t.viewLearners)}
            </div>
            <div className="ml-auto">
              <ExportLinks report="account-reads" params={{ login: applied.login, from: applied.from, to: applied.to }} />
            </div>
          </div>
          {view === "events" ? (
            <DataTable
              columns={eventColumns}
              data={data.events}
              total={data.total}
              page={page}
              pageSize={PAGE_SIZE}
              onPageChange={setPage}
              isFetching={report.isFetching}
              emptyText={t.empty}
              testId="account-reads-table"
              getRowId={(r) => `${r.eventId}-${r.learnerId}`}
            />
          ) : (
            <DataTable
              columns={learnerColumns}
              data={data.byLearner}
              total={data.learners}
              page={page}
              pageSize={PAGE_SIZE}
              onPageChange={setPage}
              isFetching={report.isFetching}
              emptyText={t.empty}
              testId="account-learners-table"
              getRowId={(r) => r.learnerId}
            />
          )}
        </>
      )}
    </div>
  );
}
