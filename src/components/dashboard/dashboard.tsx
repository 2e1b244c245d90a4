"use client";
// The ministry's landing: the contingent with a drill-down region →
// municipality → organisation → class → class list, movement over a period
// and data completeness, each a table beside a simple chart.
import { useState } from "react";
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
  const [place, setPlace] = useState<Place>({});

  function open(row: SexRow) {
    if (place.organisation) {
      const [grade, letter] = row.key.split("|") as [string, string];
      setPlace({ ...place, schoolClass: { grade: grade === "" ? null : Number(grade), letter: letter || null, label: row.label } });
    } else if (place.municipality) setPlace({ ...place, organisation: { id: row.key, name: row.label } });
    else setPlace({ municipality: { id: row.key, name: row.label } });
  }

  return (
    <div className="space-y-6" data-testid="ministry-dashboard">
      <div>
        <h1 className="text-xl font-semibold">{t.title}</h1>
        <p className="text-sm text-slate-500">{t.lead}</p>
      </div>
      <nav aria-label={t.region} className="flex flex-wrap items-center gap-2 text-sm" data-testid="dashboard-breadcrumb">
        <Crumb label={t.region} current={!place.municipality} onClick={() => setPlace({})} testId="crumb-region" />
        {place.municipality && (
          <>
            <span aria-hidden>/</span>
            <Crumb label={place.municipality.name} current={!place.organisation} onClick={() => setPlace({ municipality: place.municipality })} testId="crumb-municipality" />
          </>
        )}
        {place.organisation && (
          <>
            <span aria-hidden>/</span>
            <Crumb label={place.organisation.name} current={!place.schoolClass} onClick={() => setPlace({ municipality: place.municipality, organisation: place.organisation })} testId="crumb-organisation" />
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
