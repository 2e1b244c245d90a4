"use client";
// The organisations registry: list with filters in the URL, a panel to add or
// edit an organisation, and a panel to close one.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useState, type FormEvent } from "react";
import { useMessages } from "@/components/messages-provider";
import { ORGANISATION_STATUSES, ORGANISATION_TYPES, type OrganisationType } from "@/lib/schemas/organisation";
import { useTRPC } from "@/trpc/react";
import { useUrlFilters } from "@/components/use-url-filters";
import { CloseOrganisation } from "./close-organisation";
import { OrganisationForm, type OrganisationRow } from "./organisation-form";
import { OrganisationsTable } from "./organisations-table";
import { FilterSelect, SearchBox } from "@/components/list-filters";

const PAGE_SIZE = 25;
const FILTERS = ["search", "municipalityId", "type", "status"] as const;
type Panel = { kind: "form"; organisation?: OrganisationRow } | { kind: "close"; organisation: OrganisationRow } | null;

const oneOf = <T extends string>(values: readonly T[], value: string): T | undefined =>
  (values as readonly string[]).includes(value) ? (value as T) : undefined;

export function OrganisationsPage() {
  const { m } = useMessages();
  const t = m.organisations;
  const trpc = useTRPC();
  const { applied, page, draft, setField, apply, setPage } = useUrlFilters(FILTERS);
  const options = useQuery(trpc.ministry.organisations.options.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const municipalities = options.data?.municipalities ?? [];
  const municipalityId = municipalities.some((mun) => mun.id === applied.municipalityId) ? applied.municipalityId : undefined;

  const list = useQuery(
    trpc.ministry.organisations.list.queryOptions(
      {
        search: applied.search || undefined,
        municipalityId,
        type: oneOf<OrganisationType>(ORGANISATION_TYPES, applied.type),
        // No status in the URL means the working view: open organisations.
        status: oneOf(ORGANISATION_STATUSES, applied.status) ?? "open",
        page,
        pageSize: PAGE_SIZE,
      },
      { placeholderData: keepPreviousData, enabled: options.isSuccess || !applied.municipalityId },
    ),
  );

  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const open = useCallback((next: Panel) => {
    setNotice(null);
    setPanel(next);
  }, []);
  const onEdit = useCallback((organisation: OrganisationRow) => open({ kind: "form", organisation }), [open]);
  const onClose = useCallback((organisation: OrganisationRow) => open({ kind: "close", organisation }), [open]);
  const done = (text: string) => {
    setPanel(null);
    setNotice(text);
  };

  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply();
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-xl font-semibold">{t.title}</h1>
        {!panel && (
          <button type="button" onClick={() => open({ kind: "form" })} className="ml-auto rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
            {t.add}
          </button>
        )}
      </div>

      {panel?.kind === "form" && (
        <OrganisationForm
          // A fresh form per organisation: no draft leaks from one to another.
          key={panel.organisation?.id ?? "new"}
          organisation={panel.organisation}
          municipalities={municipalities}
          onCancel={() => setPanel(null)}
          onDone={done}
        />
      )}
      {panel?.kind === "close" && (
        <CloseOrganisation key={panel.organisation.id} organisation={panel.organisation} onCancel={() => setPanel(null)} onDone={done} />
      )}

      {notice && (
        <p role="status" data-testid="organisations-notice" className="rounded bg-green-50 px-3 py-2 text-sm text-green-800">
          {notice}
        </p>
      )}

      <form method="post" onSubmit={onSearch} role="search" className="flex flex-wrap items-end gap-3">
        <SearchBox label={t.search} value={draft.search} onChange={(v) => setField("search", v)} maxLength={100} findLabel={t.find} />
        {municipalities.length > 1 && (
          <FilterSelect label={t.municipality} name="municipalityFilter" value={draft.municipalityId} allLabel={t.allMunicipalities} options={municipalities.map((mun) => ({ value: mun.id, label: mun.name }))} onChange={(municipalityId) => apply({ municipalityId })} />
        )}
        <FilterSelect label={t.type} name="typeFilter" value={draft.type} allLabel={t.allTypes} options={ORGANISATION_TYPES.map((type) => ({ value: type, label: m.orgTypes[type] }))} onChange={(type) => apply({ type })} />
        <FilterSelect
          label={t.status}
          name="statusFilter"
          value={oneOf(ORGANISATION_STATUSES, draft.status) ?? "open"}
          options={ORGANISATION_STATUSES.map((status) => ({ value: status, label: t.statuses[status] }))}
          // "open" is the default: it stays out of the URL.
          onChange={(status) => apply({ status: status === "open" ? "" : status })}
        />
      </form>

      {(list.isError || options.isError) && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-700">
          {list.error?.message || options.error?.message || m.errors.generic}
        </p>
      )}
      {list.data ? (
        <OrganisationsTable
          rows={list.data.rows}
          total={list.data.total}
          page={page}
          pageSize={PAGE_SIZE}
          onPageChange={setPage}
          isFetching={list.isFetching}
          onEdit={onEdit}
          onClose={onClose}
        />
      ) : (
        !list.isError && <p className="text-slate-500">{m.common.loading}</p>
      )}
    </div>
  );
}
