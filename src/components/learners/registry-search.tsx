"use client";
// Region-wide (or municipality-wide) lookup for the ministries: by SNILS or
// "Фамилия Имя". The query travels in a POST body and is kept out of the URL,
// so no personal data lands in access logs or browser history.
import { useMutation } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useMemo, useState, type FormEvent } from "react";
import { DataTable } from "@/components/data-table";
import { useMessages } from "@/components/messages-provider";
import { formatDate } from "@/lib/format";
import type { AppRouter } from "@/server/trpc/root";
import { useTRPC } from "@/trpc/react";
import { classLabel, fullName, snilsText, vocab } from "./display";
import { QueryError } from "@/components/query-state";

type Row = inferRouterOutputs<AppRouter>["learners"]["search"]["rows"][number];
const column = createColumnHelper<Row>();
const MIN_LENGTH = 2;

export function RegistrySearch({ portal }: { portal: "ministry" | "health" }) {
  const { m } = useMessages();
  const t = m.registrySearch;
  const trpc = useTRPC();
  const [query, setQuery] = useState("");
  const [tooShort, setTooShort] = useState(false);
  const search = useMutation(trpc.learners.search.mutationOptions());

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = query.trim();
    setTooShort(value.length < MIN_LENGTH);
    if (value.length >= MIN_LENGTH) search.mutate({ query: value });
  }

  const columns = useMemo(
    () => [
      column.display({
        id: "name",
        header: t.fullName,
        cell: ({ row: { original: l } }) => (
          <Link href={`/${portal}/learners/${l.id}`} className="text-brand-600 hover:underline" data-testid="learner-link">
            {fullName(l)}
          </Link>
        ),
      }),
      column.accessor("birthDate", { header: t.birthDate, cell: (c) => <span className="whitespace-nowrap">{formatDate(c.getValue())}</span> }),
      column.accessor("sex", { header: t.sex, cell: (c) => vocab(m.vocab.sexes, c.getValue()) }),
      column.accessor("snils", { header: t.snils, cell: (c) => <span className="font-mono whitespace-nowrap">{snilsText(c.getValue(), m.common.none)}</span> }),
      column.display({ id: "organisation", header: t.organisation, cell: ({ row: { original: l } }) => l.organisation?.shortName ?? m.common.none }),
      column.display({ id: "class", header: t.class, cell: ({ row: { original: l } }) => classLabel(l.grade, l.classLetter) || m.common.none }),
    ],
    [m, t, portal],
  );

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t.title}</h1>
      <form method="post" onSubmit={onSubmit} role="search" className="flex flex-wrap items-end gap-3" data-testid="registry-search">
        <label className="block grow sm:grow-0">
          <span className="mb-1 block text-sm font-medium text-slate-700">{t.query}</span>
          <input
            type="search"
            name="query"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            maxLength={100}
            autoComplete="off"
            aria-invalid={tooShort || undefined}
            aria-describedby="query-hint"
            className={`w-full rounded border px-3 py-2 sm:w-96 ${tooShort ? "border-red-500" : "border-slate-300"}`}
          />
        </label>
        <button type="submit" disabled={search.isPending} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-50">
          {search.isPending ? t.searching : t.find}
        </button>
        <p id="query-hint" className={`w-full text-sm ${tooShort ? "text-red-700" : "text-slate-500"}`}>
          {tooShort ? t.tooShort : t.hint}
        </p>
      </form>
      <QueryError error={search.error} />
      {search.data && (
        <>
          {search.data.truncated && (
            <p role="status" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="search-truncated">
              {t.truncated}
            </p>
          )}
          <DataTable
            columns={columns}
            data={search.data.rows}
            total={search.data.rows.length}
            page={0}
            pageSize={Math.max(search.data.rows.length, 1)}
            onPageChange={() => undefined}
            isFetching={search.isPending}
            emptyText={t.empty}
            testId="registry-results"
            getRowId={(l) => l.id}
            rowTestId={(l) => `registry-row-${l.id}`}
          />
        </>
      )}
    </div>
  );
}
