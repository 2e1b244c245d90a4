"use client";
// The reports page's choices kept in the URL (the report, the territory's ids
// and the dates: nothing personal), so a refresh or a bookmark reopens the
// same report. A choice left at its default stays out of the URL, so a
// bookmark of «today's» report shows the day it is opened. Choices replace
// the history entry rather than add one: Back leaves the page, as it does a form.
// The inputs edit local state (a date input bound to the URL would snap back
// while the URL catches up); the URL only follows it.
import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";
import { todayIso } from "@/lib/schemas/person";
import type { ReportKind } from "@/server/services/reports/report-model";

export const REPORT_KINDS: ReportKind[] = ["oo1", "do1", "movement", "health"];

export interface ReportChoices {
  kind: ReportKind;
  asOf: string;
  from: string;
  to: string;
  municipalityId: string;
  organisationId: string;
}

export function defaultChoices(today: string): ReportChoices {
  return { kind: "oo1", asOf: today, from: `${today.slice(0, 4)}-01-01`, to: today, municipalityId: "", organisationId: "" };
}

/** Choices from a URL's query; anything missing or unknown is the default (the server checks ids and dates again). */
export function choicesFromQuery(query: URLSearchParams, today: string): ReportChoices {
  const defaults = defaultChoices(today);
  const kind = query.get("report");
  const read = (key: Exclude<keyof ReportChoices, "kind">) => query.get(key) || defaults[key];
  return {
    kind: REPORT_KINDS.includes(kind as ReportKind) ? (kind as ReportKind) : defaults.kind,
    asOf: read("asOf"),
    from: read("from"),
    to: read("to"),
    municipalityId: read("municipalityId"),
    organisationId: read("organisationId"),
  };
}

/** The query for a set of choices: only what differs from the defaults. */
export function queryOfChoices(choices: ReportChoices, today: string): URLSearchParams {
  const defaults = defaultChoices(today);
  const query = new URLSearchParams();
  if (choices.kind !== defaults.kind) query.set("report", choices.kind);
  for (const key of ["asOf", "from", "to", "municipalityId", "organisationId"] as const) {
    if (choices[key] && choices[key] !== defaults[key]) query.set(key, choices[key]);
  }
  return query;
}

export function useReportChoices() {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [choices, setChoices] = useState(() => choicesFromQuery(new URLSearchParams(searchParams.toString()), todayIso()));
  const choose = (changes: Partial<ReportChoices>) => {
    const next = { ...choices, ...changes };
    setChoices(next);
    const query = queryOfChoices(next, todayIso()).toString();
    // null, not history.state: Next's router copies its own state in and then follows the URL (see use-health-place.ts).
    window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
  };
  return { choices, choose };
}
