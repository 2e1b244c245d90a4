"use client";
// The municipal account of children: the date D, N and K (and the start of
// the «left the region» period), a municipality for the region's officer, the
// four lists as tabs with their counts, one page of the chosen list (every
// page read is audited on the server) and its XLSX. The choices live in the
// URL, so a refresh or Back shows the same view.
import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import type { FormEvent } from "react";
import { ACCOUNT_LISTS, ACCOUNT_PAGE_SIZE, type AccountList } from "@/lib/schemas/children-account";
import type { AccountRow } from "@/server/services/children-account/rows";
import { useTRPC } from "@/trpc/react";
import { Field } from "../field";
import { useHydrated } from "../forms/use-hydrated";
import { useMessages } from "../messages-provider";
import { QueryState } from "../query-state";
import { SelectField } from "../select-field";
import { StaticTable } from "../static-table";
import { TabList, tabPanelProps } from "../tabs";
import { useUrlFilters } from "../use-url-filters";

const KEYS = ["municipalityId", "date", "days", "grace", "since", "list"] as const;
const ruDate = (iso: string | null) => (iso ? iso.split("-").reverse().join(".") : "");

export function ChildrenAccountPage({ chooseMunicipality }: { chooseMunicipality: boolean }) {
  const { m } = useMessages();
  const t = m.childrenAccount;
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const { applied, draft, setField, apply, page, setPage } = useUrlFilters(KEYS);
  const list: AccountList = (ACCOUNT_LISTS as readonly string[]).includes(applied.list) ? (applied.list as AccountList) : "notInEducation";
  const params = {
    ...(applied.municipalityId ? { municipalityId: applied.municipalityId } : {}),
    ...(applied.date ? { date: applied.date } : {}),
    ...(applied.since ? { since: applied.since } : {}),
    ...(applied.days ? { days: Number(applied.days) } : {}),
    ...(applied.grace ? { grace: Number(applied.grace) } : {}),
  };
  const ready = !chooseMunicipality || !!applied.municipalityId;
  const territories = useQuery({ ...trpc.ministry.reports.territories.queryOptions(), enabled: chooseMunicipality });
  const counts = useQuery({ ...trpc.childrenAccount.counts.queryOptions(params), enabled: ready });
  const rows = useQuery({
    ...trpc.childrenAccount.list.queryOptions({ ...params, list, page: page + 1, pageSize: ACCOUNT_PAGE_SIZE.default }),
    enabled: ready,
  }) as UseQueryResult<{ total: number; rows: AccountRow[]; params: { date: string; didNotStartFrom: string; grace: number } }, { message: string }>;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    apply();
  };
  const href = `/api/ministry/children-account?${new URLSearchParams({ kind: list, ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) }).toString()}`;
  const columns: ColumnDef<AccountRow, unknown>[] = [
    { id: "name", header: t.columns.name, accessorFn: (r) => r.name },
    { id: "birthDate", header: t.columns.birthDate, accessorFn: (r) => r.birthDate, cell: (c) => ruDate(c.row.original.birthDate) },
    { id: "age", header: t.columns.age, accessorFn: (r) => r.age },
    { id: "address", header: t.columns.address, accessorFn: (r) => r.address ?? "" },
    { id: "assigned", header: t.columns.assignedSchool, accessorFn: (r) => r.assignedSchool ?? "" },
    { id: "reason", header: t.columns.reason, accessorFn: (r) => r.reason },
    { id: "organisation", header: t.columns.organisation, accessorFn: (r) => r.organisation ?? "" },
    { id: "date", header: t.columns.date, accessorFn: (r) => r.date ?? "", cell: (c) => ruDate(c.row.original.date) },
    { id: "order", header: t.columns.order, accessorFn: (r) => r.order ?? "" },
    { id: "daysSince", header: t.columns.daysSince, accessorFn: (r) => r.daysSince ?? "" },
    { id: "nextStep", header: t.columns.nextStep, accessorFn: (r) => r.nextStep },
    { id: "source", header: t.columns.source, accessorFn: (r) => t.sources[r.source] ?? r.source },
  ];
  const button = "rounded border border-slate-300 px-3 py-2 text-sm text-brand-700 hover:bg-slate-50";

  return (
    <div className="space-y-6" data-testid="children-account-page">
      <div>
        <h1 className="text-xl font-semibold">{t.title}</h1>
        <p className="text-sm text-slate-500">{t.lead}</p>
      </div>
      <form method="post" onSubmit={onSubmit} className="flex flex-wrap items-end gap-4" data-testid="children-account-filters">
        {chooseMunicipality && (
          <SelectField
            label={t.municipality}
            name="ca-municipality"
            className="w-72"
            value={draft.municipalityId}
            onChange={(e) => setField("municipalityId", e.target.value)}
            placeholder="—"
            options={(territories.data ?? []).map((mu) => ({ value: mu.id, label: mu.name }))}
            data-testid="ca-municipality"
          />
        )}
        <Field label={t.date} name="ca-date" type="date" className="w-44" value={draft.date} onChange={(e) => setField("date", e.target.value)} data-testid="ca-date" />
        <Field label={t.days} name="ca-days" type="number" min={1} max={365} className="w-52" value={draft.days} placeholder="30" onChange={(e) => setField("days", e.target.value)} data-testid="ca-days" />
        <Field label={t.grace} name="ca-grace" type="number" min={0} max={90} className="w-52" value={draft.grace} placeholder="14" onChange={(e) => setField("grace", e.target.value)} data-testid="ca-grace" />
        <Field label={t.since} name="ca-since" type="date" className="w-44" value={draft.since} onChange={(e) => setField("since", e.target.value)} data-testid="ca-since" />
        <button type="submit" disabled={!hydrated} className="rounded bg-brand-700 px-4 py-2 text-sm text-white disabled:opacity-60" data-testid="ca-show">
          {t.show}
        </button>
      </form>
      {!ready ? (
        <p className="text-sm text-slate-600" data-testid="ca-choose">{t.chooseMunicipality}</p>
      ) : (
        <>
          <TabList
            tabs={ACCOUNT_LISTS.map((key) => ({ key, label: `${t.lists[key]}${counts.data ? ` (${counts.data.counts[key]})` : ""}` }))}
            selected={list}
            onSelect={(key) => apply({ list: key })}
            idPrefix="ca"
            testIdPrefix="ca-tab"
          />
          <div {...tabPanelProps("ca", list)} className="space-y-3">
            <a href={href} download className={`inline-block ${button}`} data-testid="ca-xlsx">
              {t.exportXlsx}
            </a>
            <QueryState query={rows}>
              {(data) => (
                <div className="space-y-2">
                  {list === "didNotStart" && data.params.date < data.params.didNotStartFrom && (
                    <p className="text-sm text-slate-600">{t.notYet.replace("{grace}", String(data.params.grace))}</p>
                  )}
                  <StaticTable columns={columns} data={data.rows} emptyText={t.empty} testId="ca-table" getRowId={(r) => `${r.source}-${r.id}`} label={t.lists[list]} />
                  {data.total > 0 && (
                    <div className="flex items-center gap-3 text-sm">
                      <span data-testid="ca-shown">
                        {t.shown
                          .replace("{from}", String(page * ACCOUNT_PAGE_SIZE.default + 1))
                          .replace("{to}", String(Math.min((page + 1) * ACCOUNT_PAGE_SIZE.default, data.total)))
                          .replace("{total}", String(data.total))}
                      </span>
                      <button type="button" className={button} disabled={page === 0} onClick={() => setPage(page - 1)}>
                        {t.previous}
                      </button>
                      <button type="button" className={button} disabled={(page + 1) * ACCOUNT_PAGE_SIZE.default >= data.total} onClick={() => setPage(page + 1)}>
                        {t.next}
                      </button>
                    </div>
                  )}
                </div>
              )}
            </QueryState>
          </div>
        </>
      )}
    </div>
  );
}
