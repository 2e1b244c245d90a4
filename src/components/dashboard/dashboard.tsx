"use client";
// The ministry's landing: the contingent with a drill-down region →
// municipality → organisation → class → class list, movement over a period
// and data completeness, each a table beside a simple chart. The place is in
// the URL (ids only: ?municipalityId=&organisationId=&class=4|А), so Back,
// reload and bookmarks keep it; its names come from the server, which checks
// the ids against the officer's scope.
import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTRPC } from "@/trpc/react";
import { useMessages } from "../messages-provider";
import { ClassList } from "./class-list";
import { CompletenessSection } from "./completeness-section";
import { ContingentSection } from "./contingent-section";
import { MovementSection } from "./movement-section";
import type { SexRow } from "./sex-table";

export interface Place {
  municipality?: { id: string; name: string };
  organisation?: { id: string; name: string };
  schoolClass?: { grade: number | null; letter: string | null; label: string };
}

/** A class from its URL key "grade|letter" ("|" for learners without a class). */
function classOf(key: string, noClass: string): Place["schoolClass"] {
  const [grade = "", letter = ""] = key.split("|");
  const parsed = /^\d{1,2}$/.test(grade) ? Number(grade) : null;
  return { grade: parsed, letter: letter || null, label: `${parsed ?? ""}${letter}` || noClass };
}

function Crumb({ label, current, onClick, testId }: { label: string; current: boolean; onClick: () => void; testId: string }) {
  return current ? (
    <span className="font-medium" aria-current="page" data-testid={testId}>{label}</span>
  ) : (
    <button type="button" className="text-brand-700 underline" onClick={onClick} data-testid={testId}>{label}</button>
  );
}

export function MinistryDashboard() {
  const { m } = useMessages();
  const t = m.dashboard;
  const trpc = useTRPC();
  // Next's own navigation (not a bare pushState), so every history entry carries the router's
  // state and Back restores it even across a reload.
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const applied = { municipalityId: searchParams.get("municipalityId") ?? "", organisationId: searchParams.get("organisationId") ?? "", class: searchParams.get("class") ?? "" };
  const ids = { municipalityId: applied.municipalityId || undefined, organisationId: applied.organisationId || undefined };
  const names = useQuery({ ...trpc.ministry.dashboard.place.queryOptions(ids), enabled: Boolean(ids.municipalityId || ids.organisationId) });
  const municipalityId = names.data?.municipality?.id ?? ids.municipalityId;
  const place: Place = {
    municipality: municipalityId ? { id: municipalityId, name: names.data?.municipality?.name ?? "…" } : undefined,
    organisation: ids.organisationId ? { id: ids.organisationId, name: names.data?.organisation?.name ?? "…" } : undefined,
    schoolClass: ids.organisationId && applied.class ? classOf(applied.class, t.noClass) : undefined,
  };
  const goTo = (next: { municipalityId?: string; organisationId?: string; class?: string }) => {
    const params = new URLSearchParams(Object.entries(next).filter((e): e is [string, string] => Boolean(e[1])));
    router.push(params.size ? `${pathname}?${params.toString()}` : pathname, { scroll: false });
  };

  function open(row: SexRow) {
    if (place.organisation) goTo({ municipalityId: place.municipality?.id, organisationId: place.organisation.id, class: row.key });
    else if (place.municipality) goTo({ municipalityId: place.municipality.id, organisationId: row.key });
    else goTo({ municipalityId: row.key });
  }

  if (names.isError) {
    // A bookmark to a place that is gone or outside the scope: say so, and offer the region.
    return (
      <div className="space-y-3" data-testid="ministry-dashboard">
        <h1 className="text-xl font-semibold">{t.title}</h1>
        <p role="alert" className="text-red-700">{names.error.message}</p>
        <button type="button" className="text-brand-700 underline" onClick={() => goTo({})} data-testid="crumb-region">{t.region}</button>
      </div>
    );
  }

  return (
    <div className="space-y-6" data-testid="ministry-dashboard">
      <div>
        <h1 className="text-xl font-semibold">{t.title}</h1>
        <p className="text-sm text-slate-500">{t.lead}</p>
      </div>
      <nav aria-label={t.region} className="flex flex-wrap items-center gap-2 text-sm" data-testid="dashboard-breadcrumb">
        <Crumb label={t.region} current={!place.municipality} onClick={() => goTo({})} testId="crumb-region" />
        {place.municipality && (
          <>
            <span aria-hidden>/</span>
            <Crumb label={place.municipality.name} current={!place.organisation} onClick={() => goTo({ municipalityId: place.municipality?.id })} testId="crumb-municipality" />
          </>
        )}
        {place.organisation && (
          <>
            <span aria-hidden>/</span>
            <Crumb label={place.organisation.name} current={!place.schoolClass} onClick={() => goTo({ municipalityId: place.municipality?.id, organisationId: place.organisation?.id })} testId="crumb-organisation" />
          </>
        )}
        {place.schoolClass && (
          <>
            <span aria-hidden>/</span>
            <Crumb label={place.schoolClass.label} current onClick={() => undefined} testId="crumb-class" />
          </>
        )}
      </nav>
      {place.organisation && place.schoolClass ? (
        <ClassList organisationId={place.organisation.id} grade={place.schoolClass.grade} letter={place.schoolClass.letter} />
      ) : (
        <>
          <ContingentSection place={place} onOpen={open} />
          <MovementSection place={place} />
          <CompletenessSection place={place} />
        </>
      )}
    </div>
  );
}
