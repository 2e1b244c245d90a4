"use client";
// One page of the learner list; sortable headers ask the server to re-sort.
import { createColumnHelper } from "@tanstack/react-table";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table";
import { classLabel, fullName, snilsText, vocab } from "@/components/learners/display";
import { useMessages } from "@/components/messages-provider";
import { formatDate } from "@/lib/format";
import type { AppRouter } from "@/server/trpc/root";
import type { SortKey } from "./list-params";

export type LearnerRow = inferRouterOutputs<AppRouter>["learners"]["list"]["rows"][number];
const column = createColumnHelper<LearnerRow>();

interface LearnersTableProps {
  rows: LearnerRow[];
  total: number;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  isFetching: boolean;
  sort: SortKey;
  order: "asc" | "desc";
  onSort: (key: SortKey) => void;
}

export function LearnersTable({ rows, total, page, pageSize, onPageChange, isFetching, sort, order, onSort }: LearnersTableProps) {
  const { m } = useMessages();
  const t = m.learners;
  const columns = useMemo(() => {
    const sortable = (key: SortKey, title: string) => () => (
      <button
        type="button"
        onClick={() => onSort(key)}
        title={t.sortBy(title)}
        data-testid={`sort-${key}`}
        className="inline-flex items-center gap-1 font-medium hover:text-brand-600"
      >
        {title}
        <span aria-hidden className={sort === key ? "text-brand-600" : "text-slate-300"}>
          {sort === key && order === "desc" ? "▼" : "▲"}
        </span>
      </button>
    );
    const badge = (text: string) => (
      <span key={text} className="rounded bg-amber-50 px-2 py-0.5 text-xs whitespace-nowrap text-amber-800">
        {text}
      </span>
    );
    return [
      column.display({
        id: "name",
        header: sortable("name", t.fullName),
        cell: ({ row: { original: l } }) => (
          <Link href={`/school/learners/${l.id}`} className="text-brand-600 hover:underline" data-testid="learner-link">
            {fullName(l)}
          </Link>
        ),
      }),
      column.accessor("birthDate", {
        header: sortable("birthDate", t.birthDate),
        cell: (c) => <span className="whitespace-nowrap">{formatDate(c.getValue())}</span>,
      }),
      column.accessor("snils", {
        header: t.snils,
        cell: (c) => <span className="font-mono whitespace-nowrap">{snilsText(c.getValue(), m.common.none)}</span>,
      }),
      column.display({
        id: "class",
        header: sortable("class", t.class),
        cell: ({ row: { original: l } }) => classLabel(l.grade, l.classLetter) || m.common.none,
      }),
      column.accessor("level", { header: t.level, cell: (c) => vocab(m.vocab.levels, c.getValue()) }),
      column.accessor("status", { header: t.status, cell: (c) => vocab(m.vocab.enrolmentStatuses, c.getValue()) }),
      column.display({
        id: "gaps",
        header: t.gaps,
        cell: ({ row: { original: l } }) => (
          <div className="flex flex-wrap gap-1" data-testid="learner-gaps">
            {l.missingSnils && badge(t.gapBadges.snils)}
            {l.missingDocument && badge(t.gapBadges.document)}
            {l.missingRepresentative && badge(t.gapBadges.representative)}
          </div>
        ),
      }),
    ];
  }, [m, t, sort, order, onSort]);
  return (
    <DataTable
      columns={columns}
      data={rows}
      total={total}
      page={page}
      pageSize={pageSize}
      onPageChange={onPageChange}
      isFetching={isFetching}
      emptyText={t.empty}
      testId="learners-table"
      getRowId={(l) => l.enrolmentId}
      rowTestId={(l) => `learner-row-${l.id}`}
    />
  );
}
