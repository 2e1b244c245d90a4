"use client";
// Contingent at the current drill-down level: the units one step below
// (clickable), the same learners by level and by grade, and the age pyramid.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { useMessages } from "../messages-provider";
import { QueryState } from "../query-state";
import { bySex, Legend, PyramidRow, Section } from "./bars";
import { SexTable, type SexRow } from "./sex-table";
import type { Place } from "./dashboard";

export function ContingentSection({ place, onOpen }: { place: Place; onOpen: (row: SexRow) => void }) {
  const { m } = useMessages();
  const t = m.dashboard;
  const trpc = useTRPC();
  const input = { municipalityId: place.municipality?.id, organisationId: place.organisation?.id };
  const contingent = useQuery({ ...trpc.ministry.dashboard.contingent.queryOptions(input), placeholderData: (previous) => previous });
  const pyramid = useQuery({ ...trpc.ministry.dashboard.agePyramid.queryOptions(input), placeholderData: (previous) => previous });
  const unitHeader = place.organisation ? t.class : place.municipality ? t.organisation : t.municipality;
  const levels = m.vocab.levels as Record<string, string>;

  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <QueryState query={contingent}>
        {(data) => (
          <>
            <Section title={t.sections.units} testId="dashboard-units">
              <Legend male={t.male} female={t.female} />
              <SexTable
                header={unitHeader}
                testId="dashboard-units-table"
                rows={bySex(data.units, (r) => r.key).map((e) => ({ ...e, label: e.row.label || t.noClass }))}
                onOpen={onOpen}
              />
            </Section>
            <div className="space-y-4">
              <Section title={t.sections.levels} testId="dashboard-levels">
                <SexTable header={t.level} testId="dashboard-levels-table" rows={bySex(data.units, (r) => r.level).map((e) => ({ ...e, label: levels[e.key] ?? e.key }))} />
              </Section>
              <Section title={t.sections.grades} testId="dashboard-grades">
                <SexTable header={t.grade} testId="dashboard-grades-table" rows={bySex(data.grades, (r) => String(r.grade ?? "")).map((e) => ({ ...e, label: e.key || t.noClass }))} />
              </Section>
            </div>
          </>
        )}
      </QueryState>
      <Section title={t.sections.pyramid} testId="dashboard-pyramid">
        <QueryState query={pyramid}>
          {(rows) => {
            const ages = bySex(rows, (r) => String(r.age)).sort((a, b) => b.row.age - a.row.age);
            const max = Math.max(0, ...ages.map((a) => Math.max(a.male, a.female)));
            if (ages.length === 0) return <p className="text-sm text-slate-500">{t.empty}</p>;
            return (
              <div className="space-y-1">
                <div className="grid grid-cols-[1fr_3rem_1fr] text-xs text-slate-500">
                  <span className="text-right">{t.male}</span>
                  <span className="text-center">{t.age}</span>
                  <span>{t.female}</span>
                </div>
                {ages.map((a) => (
                  <PyramidRow key={a.key} age={a.row.age} male={a.male} female={a.female} max={max} />
                ))}
              </div>
            );
          }}
        </QueryState>
      </Section>
    </div>
  );
}
