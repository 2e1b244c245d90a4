"use client";
// Filter bar of the learner list. Text fields apply on "Найти"; selects at once.
import type { FormEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import { useMessages } from "@/components/messages-provider";
import { placementAcademicYear } from "@/lib/classes/class-year";
import { compareRu } from "@/lib/collation";
import { todayIso } from "@/lib/schemas/person";
import { useTRPC } from "@/trpc/react";
import { EDUCATION_LEVELS, ENROLMENT_STATUSES } from "@/lib/schemas/learner";
import type { useUrlFilters } from "@/components/use-url-filters";
import { MISSING, type ListFilter } from "./list-params";
import { FilterSelect, SearchBox, type FilterOption } from "@/components/list-filters";

const GRADES = Array.from({ length: 13 }, (_, i) => String(i));

export function LearnersFilters({ filters }: { filters: ReturnType<typeof useUrlFilters<ListFilter>> }) {
  const { m } = useMessages();
  const t = m.learners;
  const { draft, setField, apply, reset } = filters;
  const trpc = useTRPC();
  // Letters are picked from the school's classes of the year (of the chosen grade), never typed.
  const today = todayIso();
  const classes = useQuery(trpc.school.programmes.classes.queryOptions({ academicYear: placementAcademicYear(today, today) }));
  const letters = [...new Set((classes.data ?? []).filter((c) => !draft.grade || String(c.grade) === draft.grade).map((c) => c.letter))].sort(compareRu);
  if (draft.classLetter && !letters.includes(draft.classLetter)) letters.push(draft.classLetter);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply();
  }
  const select = (key: ListFilter, title: string, options: FilterOption[], empty = t.any) => (
    <FilterSelect label={title} name={key} value={draft[key]} allLabel={empty} options={options} onChange={(value) => apply({ [key]: value })} />
  );

  return (
    <form method="post" onSubmit={onSubmit} role="search" className="flex flex-wrap items-end gap-3" data-testid="learners-filters">
      <SearchBox label={t.search} value={draft.search} onChange={(v) => setField("search", v)} maxLength={100} />
      {select("grade", t.grade, GRADES.map((g) => ({ value: g, label: g })))}
      {select("classLetter", t.classLetter, letters.map((l) => ({ value: l, label: l })))}
      <button type="submit" className="rounded border border-slate-300 bg-white px-4 py-2 hover:bg-slate-100">
        {t.find}
      </button>
      {select("level", t.level, EDUCATION_LEVELS.map((l) => ({ value: l, label: m.vocab.levels[l] })))}
      {select("status", t.status, ENROLMENT_STATUSES.map((s) => ({ value: s, label: m.vocab.enrolmentStatuses[s] })), t.activeOrPending)}
      {select("missing", t.missing, MISSING.map((k) => ({ value: k, label: t.missingOptions[k] })), t.any)}
      <button type="button" onClick={reset} className="px-2 py-2 text-sm text-brand-600 underline">
        {t.reset}
      </button>
    </form>
  );
}
