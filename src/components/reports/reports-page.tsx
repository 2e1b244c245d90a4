"use client";
// The ministry's reports as of a date (or for a period): a selector, the date
// inputs, the report's tables, and the XLSX / PDF downloads of the same model.
import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import { useState } from "react";
import { todayIso } from "@/lib/schemas/person";
import type { ReportKind, ReportModel } from "@/server/services/reports/report-model";
import { useTRPC } from "@/trpc/react";
import { useMessages } from "../messages-provider";
import { QueryState } from "../query-state";
import { ReportTables } from "./report-tables";

const KINDS: ReportKind[] = ["oo1", "do1", "movement", "health"];
const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function ReportsPage() {
  const { m } = useMessages();
  const t = m.reports;
  const trpc = useTRPC();
  const [kind, setKind] = useState<ReportKind>("oo1");
  const [asOf, setAsOf] = useState(todayIso);
  const [from, setFrom] = useState(() => `${todayIso().slice(0, 4)}-01-01`);
  const [to, setTo] = useState(todayIso);
  const period = kind === "movement";
  const valid = period ? ISO.test(from) && ISO.test(to) && from <= to : ISO.test(asOf);

  const options =
    kind === "movement"
      ? trpc.ministry.reports.movement.queryOptions({ from, to })
      : kind === "do1"
        ? trpc.ministry.reports.do1.queryOptions({ asOf })
        : kind === "health"
          ? trpc.ministry.reports.health.queryOptions({ asOf })
          : trpc.ministry.reports.oo1.queryOptions({ asOf });
  // The four procedures return the same model; only their inputs differ.
  const query = useQuery({ ...(options as ReturnType<typeof trpc.ministry.reports.oo1.queryOptions>), enabled: valid }) as UseQueryResult<ReportModel, { message: string }>;

  const href = (format: "xlsx" | "pdf") => {
    const params = new URLSearchParams(period ? { from, to, format } : { asOf, format });
    return `/api/ministry/reports/${kind}?${params.toString()}`;
  };
  const dateInput = (label: string, value: string, set: (v: string) => void, testId: string) => (
    <label className="flex flex-col text-sm">
      <span className="text-slate-600">{label}</span>
      <input type="date" value={value} onChange={(e) => set(e.target.value)} className="rounded border border-slate-300 px-2 py-1" data-testid={testId} />
    </label>
  );
  const button = "rounded border border-slate-300 px-3 py-1 text-sm text-brand-700 hover:bg-slate-50";

  return (
    <div className="space-y-6" data-testid="reports-page">
      <div>
        <h1 className="text-xl font-semibold">{t.title}</h1>
        <p className="text-sm text-slate-500">{t.lead}</p>
      </div>
      <div className="flex flex-wrap items-end gap-4">
        <label className="flex flex-col text-sm">
          <span className="text-slate-600">{t.report}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as ReportKind)} className="rounded border border-slate-300 px-2 py-1" data-testid="report-kind">
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t.titles[k]}
              </option>
            ))}
          </select>
        </label>
        {period ? (
          <>
            {dateInput(t.from, from, setFrom, "report-from")}
            {dateInput(t.to, to, setTo, "report-to")}
          </>
        ) : (
          dateInput(t.asOf, asOf, setAsOf, "report-asof")
        )}
        {valid && (
          <div className="ml-auto flex gap-2">
            <a href={href("xlsx")} download className={button} data-testid="report-xlsx">
              {t.downloadXlsx}
            </a>
            <a href={href("pdf")} download className={button} data-testid="report-pdf">
              {t.downloadPdf}
            </a>
          </div>
        )}
      </div>
      <h2 className="text-lg font-medium">{t.titles[kind]}</h2>
      {valid && <QueryState query={query}>{(model) => <ReportTables model={model} />}</QueryState>}
    </div>
  );
}
