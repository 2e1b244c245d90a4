"use client";
// The register of resident children (/ministry/children): the municipality
// (a region's officer chooses one; a municipality's officer has its own),
// a filter and a name search (kept out of the URL: names are personal data),
// the paged table, and per child the form of education outside organisations
// and the "moved away" mark (./resident-editor.tsx). The server narrows every
// call to the caller's municipality and audits the list read.
import { useMutation, useQuery, useQueryClient, type UseQueryResult } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useState } from "react";
import { formatDate } from "@/lib/format";
import type { ResidentList } from "@/server/services/residents/register";
import { useTRPC } from "@/trpc/react";
import { Field } from "../field";
import { useHydrated } from "../forms/use-hydrated";
import { useMessages } from "../messages-provider";
import { QueryState } from "../query-state";
import { SelectField } from "../select-field";
import { StaticTable } from "../static-table";
import { useUrlFilters } from "../use-url-filters";
import { ResidentEditor } from "./resident-editor";

const KEYS = ["municipalityId", "filter", "q"] as const;
const PRIVATE = ["q"] as const;
const FILTERS = ["all", "matched", "unmatched", "form", "left"] as const;
type Filter = (typeof FILTERS)[number];
type Row = ResidentList["rows"][number];
const PAGE_SIZE = 50;

export function ResidentRegisterPage({ municipal }: { municipal: boolean }) {
  const t = useMessages().m.residents;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const { applied, draft, setField, apply, reset, page, setPage } = useUrlFilters(KEYS, PRIVATE);
  const [editing, setEditing] = useState<Row | null>(null);
  const territories = useQuery({ ...trpc.ministry.reports.territories.queryOptions(), enabled: !municipal });
  const filter: Filter = (FILTERS as readonly string[]).includes(applied.filter) ? (applied.filter as Filter) : "all";
  const municipalityId = municipal ? undefined : applied.municipalityId || undefined;
  const ready = municipal || Boolean(municipalityId);
  const input = { ...(municipalityId ? { municipalityId } : {}), filter, ...(applied.q ? { q: applied.q.slice(0, 100) } : {}), page: page + 1, pageSize: PAGE_SIZE };
  const query = useQuery({ ...trpc.residents.list.queryOptions(input), enabled: ready }) as UseQueryResult<ResidentList, { message: string }>;
  const rematch = useMutation(
    trpc.residents.rematch.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.residents.pathKey() }) }),
  );

  const columns: ColumnDef<Row, unknown>[] = [
    { id: "name", header: t.columns.name, accessorFn: (r) => r.name, cell: (c) => <span className="font-medium">{c.row.original.name}</span> },
    { id: "birthDate", header: t.columns.birthDate, accessorFn: (r) => formatDate(r.birthDate) },
    { id: "age", header: t.columns.age, accessorFn: (r) => r.age },
    {
      id: "address",
      header: t.columns.address,
      accessorFn: (r) => r.address,
      cell: (c) => (
        <span>
          {c.row.original.address}
          {!c.row.original.houseFound && <span className="block text-xs text-amber-800">{t.addressNotFound}</span>}
          {c.row.original.leftAt && <span className="block text-xs text-slate-600">{t.leftMark(formatDate(c.row.original.leftAt))}</span>}
        </span>
      ),
    },
    { id: "source", header: t.columns.source, accessorFn: (r) => t.sources[r.source] ?? r.source },
    {
      id: "learner",
      header: t.columns.learner,
      accessorFn: (r) => t.matches[r.matchedBy] ?? r.matchedBy,
      cell: (c) =>
        c.row.original.learnerId ? (
          <span>
            {t.matches[c.row.original.matchedBy]}{" "}
            <Link href={`/ministry/learners/${c.row.original.learnerId}`} className="text-brand-700 underline">{t.openCard}</Link>
          </span>
        ) : (
          <span className="text-slate-600">{t.matches.NONE}</span>
        ),
    },
    {
      id: "form",
      header: t.columns.form,
      accessorFn: (r) => (r.educationForm ? `${t.forms[r.educationForm]} ${t.since} ${formatDate(r.educationFormSince)}` : t.noForm),
    },
    {
      id: "actions",
      header: t.columns.actions,
      cell: (c) => (
        <button type="button" className="text-brand-700 underline" onClick={() => setEditing(c.row.original)}>{t.edit}</button>
      ),
    },
  ];

  return (
    <div className="space-y-5" data-testid="residents-page">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">{t.title}</h1>
          <p className="max-w-4xl text-sm text-slate-600">{t.lead}</p>
        </div>
        <Link href="/ministry/children/import" className="rounded border border-slate-300 px-3 py-2 text-sm text-brand-700 hover:bg-slate-50">{t.importLink}</Link>
      </div>
      <form
        method="post"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        {!municipal && (
          <SelectField
            label={t.municipality}
            name="residents-municipality"
            className="w-72"
            value={draft.municipalityId}
            onChange={(e) => apply({ municipalityId: e.target.value })}
            placeholder={t.chooseMunicipality}
            options={(territories.data ?? []).map((mu) => ({ value: mu.id, label: mu.name }))}
          />
        )}
        <SelectField label={t.filter} name="residents-filter" className="w-96" value={filter} onChange={(e) => apply({ filter: e.target.value })} options={FILTERS.map((f) => ({ value: f, label: t.filters[f]! }))} />
        <Field label={t.search} name="residents-q" className="w-64" value={draft.q} maxLength={100} autoComplete="off" onChange={(e) => setField("q", e.target.value)} />
        <button type="submit" disabled={!hydrated} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-50">{t.find}</button>
        <button type="button" onClick={() => reset()} className="rounded border border-slate-300 px-4 py-2 hover:bg-slate-100">{t.reset}</button>
        {ready && (
          <button type="button" disabled={rematch.isPending} onClick={() => rematch.mutate(municipalityId ? { municipalityId } : {})} className="rounded border border-slate-300 px-4 py-2 hover:bg-slate-100 disabled:opacity-50">
            {t.rematch}
          </button>
        )}
      </form>
      {rematch.data && <p role="status" className="text-sm text-green-800">{t.rematchDone(rematch.data.linked)}</p>}
      {!ready && <p className="text-slate-600">{t.chooseMunicipality}</p>}
      {ready && (
        <QueryState query={query}>
          {(data) => {
            const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
            return (
              <div className="space-y-3">
                <p className="text-sm text-slate-600">{t.total(data.total)}</p>
                <StaticTable columns={columns} data={data.rows} emptyText={t.empty} testId="residents-table" label={t.tableLabel} getRowId={(r) => r.id} isFetching={query.isFetching} />
                {pages > 1 && (
                  <div className="flex items-center gap-3">
                    <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)} className="rounded border border-slate-300 px-3 py-1 disabled:opacity-50">{t.previous}</button>
                    <span className="text-sm">{t.pageOf(page + 1, pages)}</span>
                    <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)} className="rounded border border-slate-300 px-3 py-1 disabled:opacity-50">{t.next}</button>
                  </div>
                )}
              </div>
            );
          }}
        </QueryState>
      )}
      {editing && <ResidentEditor key={editing.id} resident={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
