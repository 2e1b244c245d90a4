"use client";
// The school's learner list: filters, sort and page in the URL; add, import
// and export buttons for those who may write.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMessages } from "@/components/messages-provider";
import { useTRPC } from "@/trpc/react";
import { useUrlFilters } from "@/components/use-url-filters";
import { LearnersFilters } from "./learners-filters";
import { LearnersTable } from "./learners-table";
import { EXPORT_ACTION, exportFields, LIST_FILTERS, PRIVATE_FILTERS, PAGE_SIZE, toListInput, type SortKey } from "./list-params";
import { QueryError } from "@/components/query-state";

export function LearnersPage({ canWrite, canExport }: { canWrite: boolean; canExport: boolean }) {
  const { m } = useMessages();
  const t = m.learners;
  const trpc = useTRPC();
  const filters = useUrlFilters(LIST_FILTERS, PRIVATE_FILTERS);
  const { applied, page, setPage, apply } = filters;
  const input = toListInput(applied, page);
  const list = useQuery(trpc.learners.list.queryOptions(input, { placeholderData: keepPreviousData }));

  const onSort = (key: SortKey) => {
    const order = input.sort === key && input.order === "asc" ? "desc" : "asc";
    apply({ sort: key, order });
  };

  const button = "rounded border border-slate-300 bg-white px-4 py-2 hover:bg-slate-100";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">{t.title}</h1>
        <div className="ml-auto flex flex-wrap gap-2">
          {canWrite && (
            <>
              <Link href="/school/learners/new" className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
                {t.add}
              </Link>
              <Link href="/school/learners/enrol" className={button} data-testid="learners-enrol">
                {m.movement.enrolButton}
              </Link>
              <Link href="/school/learners/import" className={button}>
                {t.import}
              </Link>
            </>
          )}
          {/* A plain form POST: the search text travels in the body, not the URL;
              the route answers with an attachment, so the browser saves it and stays here. */}
          {canExport && (
            <form method="post" action={EXPORT_ACTION} className="contents">
              {exportFields(applied).map(([name, value]) => (
                <input key={name} type="hidden" name={name} value={value} />
              ))}
              <button type="submit" className={button} data-testid="learners-export">
                {t.export}
              </button>
            </form>
          )}
        </div>
      </div>

      <LearnersFilters filters={filters} />

      <QueryError error={list.error} />
      {list.isPending ? (
        <p className="text-slate-500">{m.common.loading}</p>
      ) : list.data ? (
        <LearnersTable
          rows={list.data.rows}
          total={list.data.total}
          page={page}
          pageSize={PAGE_SIZE}
          onPageChange={setPage}
          isFetching={list.isFetching}
          sort={input.sort}
          order={input.order}
          onSort={onSort}
        />
      ) : null}
    </div>
  );
}
