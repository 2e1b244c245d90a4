"use client";
// The health statistics dashboard, shared by the Ministry of Health portal
// (health.stats) and the education officers (ministry.healthStats): health and
// PE groups by place with a drill-down region → municipality → organisation →
// grade, groups by age, disabilities and adapted programmes, as of a date.
// The place and a chosen date live in the URL (ids and a date only:
// ?municipalityId=&organisationId=&asOf=), so Back, reload and bookmarks keep
// them; every measure is shown at once, so there is no measure to remember.
import { useQuery } from "@tanstack/react-query";
import { type ReactNode } from "react";
import { useTRPC } from "@/trpc/react";
import { useMessages } from "../messages-provider";
import { QueryState } from "../query-state";
import { StatsTable, type StatsData } from "./stats-table";
import { useHealthPlace, type Level } from "./use-health-place";

type Measure = "healthGroup" | "peGroup" | "disability" | "ovzCategory";

/** The level (place ids) a cached counts query was asked for, from its tRPC key. */
function levelOfKey(queryKey: readonly unknown[] | undefined): string {
  const input = (queryKey?.[1] as { input?: Level } | undefined)?.input;
  return `${input?.municipalityId ?? ""}/${input?.organisationId ?? ""}`;
}

export function HealthDashboard({ portal }: { portal: "health" | "ministry" }) {
  const { m } = useMessages();
  const t = m.healthStats;
  const trpc = useTRPC();
  const { level, asOf, setAsOf, setLevel } = useHealthPlace();
  const levelKey = `${level.municipalityId ?? ""}/${level.organisationId ?? ""}`;
  const by = level.organisationId ? "grade" : level.municipalityId ? "organisation" : "municipality";
  const placesQuery = useQuery(portal === "health" ? trpc.health.stats.places.queryOptions() : trpc.ministry.healthStats.places.queryOptions());
  const places = placesQuery.data ?? [];
  const municipality = places.find((p) => p.id === level.municipalityId);
  const organisation = municipality?.organisations.find((o) => o.id === level.organisationId);
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(asOf);

  const useCounts = (measure: Measure, dimension: typeof by | "age") => {
    const input = { measure, by: dimension, asOf, ...level };
    const options = portal === "health" ? trpc.health.stats.counts.queryOptions(input) : trpc.ministry.healthStats.counts.queryOptions(input);
    // A new date keeps the table on screen while it loads; a new place does not, since the old
    // place's rows (and their drill-down links) would stand under the new place's heading.
    return useQuery({
      ...options,
      enabled: validDate,
      placeholderData: (previous: StatsData | undefined, previousQuery?: { queryKey: readonly unknown[] }) =>
        levelOfKey(previousQuery?.queryKey) === levelKey ? previous : undefined,
    });
  };
  const healthGroups = useCounts("healthGroup", by);
  const peGroups = useCounts("peGroup", by);
  const byAge = useCounts("healthGroup", "age");
  const disabilities = useCounts("disability", by);
  const adapted = useCounts("ovzCategory", by);

  // Every place of the level is listed, with zeros where nothing is counted.
  const placeList =
    by === "municipality" ? places.map((p) => ({ key: p.id, label: p.name })) : by === "organisation" ? (municipality?.organisations ?? []).map((o) => ({ key: o.id, label: o.shortName })) : undefined;
  const placeHeader = by === "municipality" ? t.municipality : by === "organisation" ? t.organisation : t.grade;
  const drill = by === "municipality" ? (key: string) => setLevel({ municipalityId: key }) : by === "organisation" ? (key: string) => setLevel({ municipalityId: level.municipalityId, organisationId: key }) : undefined;
  const exportHref = (report: "groups" | "disabilities" | "adapted" | "list") => {
    const params = new URLSearchParams({ report, asOf });
    if (level.municipalityId) params.set("municipalityId", level.municipalityId);
    if (level.organisationId) params.set("organisationId", level.organisationId);
    return `/api/health/export?${params.toString()}`;
  };
  const download = (report: "groups" | "disabilities" | "adapted") => (
    <a href={exportHref(report)} download className="rounded border border-slate-300 px-3 py-1 text-sm text-brand-700 hover:bg-slate-50" data-testid={`health-export-${report}`}>
      {t.download}
    </a>
  );
  const ovz = { ...m.programmeVocab.ovzCategories, "": t.ovzUnspecified };
  const section = (query: ReturnType<typeof useCounts>, render: (data: StatsData) => ReactNode) => <QueryState query={query}>{render}</QueryState>;

  return (
    <div className="space-y-6" data-testid="health-dashboard">
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <h1 className="text-xl font-semibold">{t.title}</h1>
          <p className="text-sm text-slate-500">{t.lead}</p>
        </div>
        <label className="ml-auto flex flex-col text-sm">
          <span className="text-slate-600">{t.asOf}</span>
          <input type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} className="rounded border border-slate-300 px-2 py-1" data-testid="health-asof" />
        </label>
      </div>
      <nav aria-label={t.region} className="flex flex-wrap gap-2 text-sm" data-testid="health-breadcrumb">
        <button type="button" className={level.municipalityId ? "text-brand-700 underline" : "font-medium"} onClick={() => setLevel({})}>
          {t.region}
        </button>
        {level.municipalityId && (
          <>
            <span aria-hidden>/</span>
            <button type="button" className={level.organisationId ? "text-brand-700 underline" : "font-medium"} onClick={() => setLevel({ municipalityId: level.municipalityId })} data-testid="health-crumb-municipality">
              {municipality?.name ?? "…"}
            </button>
          </>
        )}
        {level.organisationId && (
          <>
            <span aria-hidden>/</span>
            <span className="font-medium" data-testid="health-crumb-organisation">{organisation?.shortName ?? "…"}</span>
          </>
        )}
      </nav>
      {/* A list of learners with their health state: the Ministry of Health only (education officers see counts). */}
      {portal === "health" && level.organisationId && (
        <a href={exportHref("list")} download className="inline-block rounded border border-slate-300 px-3 py-1 text-sm text-brand-700 hover:bg-slate-50" data-testid="health-export-list">
          {t.downloadList}
        </a>
      )}
      {section(healthGroups, (data) => (
        <StatsTable title={t.sections.healthGroups} testId="health-groups" placeHeader={placeHeader} placeList={placeList} data={data} categories={t.healthGroups} onPlace={drill} actions={download("groups")} />
      ))}
      {section(peGroups, (data) => (
        <StatsTable title={t.sections.peGroups} testId="pe-groups" placeHeader={placeHeader} placeList={placeList} data={data} categories={t.peGroups} onPlace={drill} />
      ))}
      {section(byAge, (data) => <StatsTable title={t.sections.byAge} testId="health-by-age" placeHeader={t.age} data={data} categories={t.healthGroups} />)}
      {section(disabilities, (data) => (
        <StatsTable title={t.sections.disabilities} testId="health-disabilities" placeHeader={placeHeader} placeList={placeList} data={data} categories={t.disabilities} onPlace={drill} actions={download("disabilities")} />
      ))}
      {section(adapted, (data) => (
        <StatsTable title={t.sections.adapted} testId="health-adapted" placeHeader={placeHeader} placeList={placeList} data={data} categories={ovz} onPlace={drill} actions={download("adapted")} />
      ))}
    </div>
  );
}
