"use client";
// "Who accessed this learner": the auditor finds the learner through a narrow
// lookup (exact SNILS, or last name with birth date), then pages through every
// audit event that touched the learner. Lookup and report are both audited.
// The lookup's SNILS, name and birth date never enter the URL (history state
// keeps them for Back); the URL holds only the chosen learner's id and days.
import { keepPreviousData, skipToken, useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import type { inferRouterOutputs } from "@trpc/server";
import { useMemo, type FormEvent } from "react";
import { DataTable } from "@/components/data-table";
import { useDateTime, useMessages } from "@/components/messages-provider";
import { QueryError } from "@/components/query-state";
import { StaticTable } from "@/components/static-table";
import { useUrlFilters } from "@/components/use-url-filters";
import { formatDate } from "@/lib/format";
import { ZLearnerAccessInput, ZLookupLearnerInput } from "@/lib/schemas/access-reports";
import type { AppRouter } from "@/server/trpc/root";
import { useTRPC } from "@/trpc/react";
import Link from "next/link";
import { accountReadsHref, ActionCell } from "@/components/audit/audit-cells";
import { issuesToErrors } from "@/lib/errors/form-errors";
import { ExportLinks, LabelledInput, useLabels } from "./report-parts";

type Outputs = inferRouterOutputs<AppRouter>["admin"]["accessReports"];
type FoundRow = Outputs["lookupLearner"][number];
type AccessRow = Outputs["learnerAccess"]["rows"][number];
const FILTERS = ["snils", "lastName", "firstName", "birthDate", "learner", "from", "to"] as const;
const PRIVATE = ["snils", "lastName", "firstName", "birthDate"] as const;
const PAGE_SIZE = 50;
const found = createColumnHelper<FoundRow>();
const access = createColumnHelper<AccessRow>();

export function LearnerAccessPage() {
  const { m, locale } = useMessages();
  const dateTime = useDateTime();
  const t = m.accessReports;
  const labels = useLabels();
  const trpc = useTRPC();
  const { applied, page, draft, setField, apply, setPage } = useUrlFilters(FILTERS, PRIVATE);

  const hasLookup = Boolean(applied.snils || applied.lastName || applied.birthDate);
  const lookupInput = ZLookupLearnerInput.safeParse({
    snils: applied.snils || undefined,
    lastName: applied.lastName || undefined,
    firstName: applied.firstName || undefined,
    birthDate: applied.birthDate || undefined,
  });
  const lookupErrors = hasLookup && !lookupInput.success ? issuesToErrors(lookupInput.error.issues, locale) : {};
  const lookup = useQuery(
    trpc.admin.accessReports.lookupLearner.queryOptions(hasLookup && !applied.learner && lookupInput.success ? lookupInput.data : skipToken, {
      refetchOnWindowFocus: false,
    }),
  );

  const reportInput = ZLearnerAccessInput.safeParse({
    learnerId: applied.learner,
    from: applied.from || undefined,
    to: applied.to || undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const reportErrors = applied.learner && !reportInput.success ? issuesToErrors(reportInput.error.issues, locale) : {};
  const report = useQuery(
    trpc.admin.accessReports.learnerAccess.queryOptions(applied.learner && reportInput.success ? reportInput.data : skipToken, {
      placeholderData: keepPreviousData,
      refetchOnWindowFocus: false,
    }),
  );

  const foundColumns = useMemo(
    () => [
      found.accessor("fullName", { header: t.lookup.fullName }),
      found.accessor("birthDate", { header: t.lookup.birthDate, cell: (c) => formatDate(c.getValue()) }),
      found.accessor("organisation", { header: t.lookup.organisation, cell: (c) => c.getValue() ?? m.common.none }),
      found.display({
        id: "choose",
        header: () => <span className="sr-only">{t.lookup.chooseColumn}</span>,
        cell: ({ row }) => (
          <button type="button" onClick={() => apply({ learner: row.original.id })} className="text-brand-600 underline">
            {t.lookup.choose}
          </button>
        ),
      }),
    ],
    // `apply` closes over the draft: rebuild with it.
    [m, t, draft],
  );

  const accessColumns = useMemo(() => {
    const c = t.learnerAccess;
    return [
      access.accessor("at", { header: c.at, cell: (v) => <span className="whitespace-nowrap">{dateTime(v.getValue())}</span> }),
      access.accessor("login", { header: c.login, cell: (v) => v.getValue() ?? m.common.none }),
      access.accessor("fullName", {
        header: c.fullName,
        // An /api/v1 call has no employee: say in words which system asked, and for whom.
        cell: (v) => {
          const client = v.row.original.client;
          if (client) return c.apiClient(c.apiSources[client.kind] ?? client.kind, client.name);
          const login = v.row.original.login;
          const name = v.getValue() ?? m.common.none;
          return login ? (
            <Link href={accountReadsHref(login)} title={m.auditLabels.openAccountReads} className="text-brand-600 underline">
              {name}
            </Link>
          ) : (
            name
          );
        },
      }),
      access.accessor("role", { header: c.role, cell: (v) => labels.role(v.getValue()) }),
      access.accessor("action", { header: c.action, cell: (v) => <ActionCell code={v.getValue()} /> }),
      access.accessor("stage", { header: c.stage, cell: (v) => labels.stage(v.getValue()) }),
      access.accessor("viaList", { header: c.via, cell: (v) => (v.getValue() ? c.viaList : c.viaCard) }),
      access.accessor("outcome", { header: c.outcome, cell: (v) => m.adminAudit.outcomes[v.getValue() as keyof typeof m.adminAudit.outcomes] ?? v.getValue() }),
      access.accessor("ip", { header: c.ip, cell: (v) => <span className="font-mono">{v.getValue() ?? m.common.none}</span> }),
    ];
  }, [m, t, labels, dateTime]);

  function onLookup(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply({ learner: "", from: "", to: "" });
  }
  function onPeriod(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply();
  }

  if (applied.learner) {
    const learner = report.data?.learner;
    return (
      <div className="space-y-4">
        <div className="flex flex-wrap items-center gap-4">
          <h1 className="text-xl font-semibold" data-testid="learner-access-title">
            {learner ? `${t.learnerAccess.title(learner.fullName)}, ${formatDate(learner.birthDate)}` : t.lookup.title}
          </h1>
          <button type="button" onClick={() => apply({ learner: "", from: "", to: "" })} className="ml-auto text-brand-600 underline">
            {t.learnerAccess.back}
          </button>
        </div>
        <p className="text-sm text-slate-600">{t.learnerAccess.coverage}</p>
        <form method="post" onSubmit={onPeriod} className="flex flex-wrap items-start gap-3">
          <LabelledInput type="date" label={t.period.from} name="from" value={draft.from} onChange={(e) => setField("from", e.target.value)} error={reportErrors.from} />
          <LabelledInput type="date" label={t.period.to} name="to" value={draft.to} onChange={(e) => setField("to", e.target.value)} error={reportErrors.to} />
          <button type="submit" className="self-end rounded border border-slate-300 px-4 py-2 hover:bg-slate-100">
            {m.adminAudit.apply}
          </button>
          <div className="ml-auto self-end">
            <ExportLinks report="learner-access" params={{ learnerId: applied.learner, from: applied.from, to: applied.to }} />
          </div>
        </form>
        {reportErrors.learnerId && <p role="alert" className="text-red-700">{reportErrors.learnerId}</p>}
        <QueryError error={report.error} />
        {report.data && (
          <DataTable
            columns={accessColumns}
            data={report.data.rows}
            total={report.data.total}
            page={page}
            pageSize={PAGE_SIZE}
            onPageChange={setPage}
            isFetching={report.isFetching}
            emptyText={t.learnerAccess.empty}
            testId="learner-access-table"
            getRowId={(r) => `${r.id}-${r.viaList}`}
          />
        )}
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t.lookup.title}</h1>
      <p className="text-sm text-slate-600">{t.lookup.hint}</p>
      <form method="post" onSubmit={onLookup} role="search" className="flex flex-wrap items-start gap-3">
        <LabelledInput label={t.lookup.snils} name="snils" value={draft.snils} onChange={(e) => setField("snils", e.target.value)} error={lookupErrors.snils} maxLength={20} />
        <span className="self-center pt-6 text-slate-500">{t.lookup.or}</span>
        <LabelledInput label={t.lookup.lastName} name="lastName" value={draft.lastName} onChange={(e) => setField("lastName", e.target.value)} error={lookupErrors.lastName} maxLength={100} />
        <LabelledInput label={t.lookup.firstName} name="firstName" value={draft.firstName} onChange={(e) => setField("firstName", e.target.value)} maxLength={100} />
        <LabelledInput type="date" label={t.lookup.birthDate} name="birthDate" value={draft.birthDate} onChange={(e) => setField("birthDate", e.target.value)} error={lookupErrors.birthDate} />
        <button type="submit" className="self-end rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          {t.lookup.find}
        </button>
      </form>
      <QueryError error={lookup.error} />
      {lookup.data && <StaticTable columns={foundColumns} data={lookup.data} emptyText={t.lookup.empty} testId="lookup-table" getRowId={(r) => r.id} />}
    </div>
  );
}
