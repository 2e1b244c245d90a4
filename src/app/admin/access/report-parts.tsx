"use client";
// Pieces shared by the auditor's access-report pages: a labelled input with
// its inline error, the download links, the stage and role labels.
import type { InputHTMLAttributes } from "react";
import { useMessages } from "@/components/messages-provider";
import { isRole } from "@/server/authz/matrix";

export function LabelledInput({ label, name, error, ...input }: { label: string; name: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="block">
      <span className="mb-1 block text-sm font-medium text-slate-700">{label}</span>
      <input
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
        className={`rounded border bg-white px-3 py-2 ${error ? "border-red-500" : "border-slate-300"}`}
        {...input}
      />
      {error && (
        <span id={`${name}-error`} className="mt-1 block text-sm text-red-700">
          {error}
        </span>
      )}
    </label>
  );
}

/** Links to the audited downloads; the browser sends the session cookie. */
export function ExportLinks({ report, params }: { report: "learner-access" | "account-reads"; params: Record<string, string | undefined> }) {
  const { m } = useMessages();
  const href = (format: "xlsx" | "csv") => {
    const q = new URLSearchParams({ format });
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    return `/api/admin/access-reports/${report}?${q}`;
  };
  const link = "rounded border border-slate-300 px-3 py-2 text-sm hover:bg-slate-100";
  return (
    <div className="flex gap-2">
      <a href={href("xlsx")} className={link} data-testid="export-xlsx" download>
        {m.accessReports.exportXlsx}
      </a>
      <a href={href("csv")} className={link} data-testid="export-csv" download>
        {m.accessReports.exportCsv}
      </a>
    </div>
  );
}

export function useLabels() {
  const { m } = useMessages();
  return {
    stage: (s: "personal" | "health" | "portfolio" | null) => (s ? m.accessReports.stages[s] : m.common.none),
    role: (r: string | null) => (r ? (isRole(r) ? m.roles[r] : r) : m.common.none),
  };
}
