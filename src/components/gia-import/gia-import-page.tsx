"use client";
// The ministry's ГИА results import: download the template, check the exam
// centre's file (dry run: a table of what each row would do), then load it.
// The server checks everything again on «Загрузить», so a file changed
// between the two steps cannot slip through.
import type { ColumnDef } from "@tanstack/react-table";
import { useState } from "react";
import { useMessages } from "@/components/messages-provider";
import { StaticTable } from "@/components/static-table";
import type { GiaImportResult, GiaRowOutcome, GiaScores } from "@/lib/schemas/gia-import";
import { ImportOutcome } from "../imports/import-outcome";

type Step = { kind: "idle" | "busy" } | { kind: "result"; result: GiaImportResult } | { kind: "failed"; error: string };
const KIND = { OGE: "ОГЭ", GVE: "ГВЭ", EGE: "ЕГЭ" } as const;
const PROBLEM = new Set(["error", "unmatched", "ambiguous"]);

async function upload(file: File, mode: "dry-run" | "commit", fallback: string): Promise<GiaImportResult> {
  const form = new FormData();
  form.set("file", file);
  form.set("mode", mode);
  const res = await fetch("/api/ministry/gia-import", { method: "POST", body: form });
  const body = (await res.json().catch(() => null)) as (GiaImportResult & { error?: string }) | null;
  if (!res.ok || !body || body.error) throw new Error(body?.error ?? fallback);
  return body;
}

export function GiaImportPage({ municipal }: { municipal: boolean }) {
  const t = useMessages().m.giaImport;
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const busy = step.kind === "busy";

  async function run(mode: "dry-run" | "commit") {
    if (!file) return setStep({ kind: "failed", error: t.chooseFile });
    setStep({ kind: "busy" });
    try {
      setStep({ kind: "result", result: await upload(file, mode, t.failed) });
    } catch (error) {
      setStep({ kind: "failed", error: (error as Error).message });
    }
  }

  const checked = step.kind === "result" ? step.result : null;
  const canCommit = checked !== null && !checked.committed && checked.errorCount === 0 && checked.added + checked.updated > 0;
  const button = "rounded px-4 py-2 font-medium disabled:cursor-not-allowed disabled:opacity-50";
  return (
    <div className="max-w-6xl space-y-5">
      <h1 className="text-xl font-semibold">{t.title}</h1>
      <p className="text-slate-700">{t.intro}</p>
      {municipal && <p className="rounded bg-amber-50 px-3 py-2 text-amber-900">{t.municipalNote}</p>}
      <p>
        <a href="/api/ministry/gia-import/template" className="text-brand-700 underline" download>{t.template}</a>
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <label className="block">
          <span className="mb-1 block text-sm font-medium text-slate-700">{t.file}</span>
          <input
            type="file"
            name="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={busy}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setStep({ kind: "idle" });
            }}
            className="block rounded border border-slate-300 px-3 py-2"
          />
        </label>
        <button type="button" disabled={busy || !file} onClick={() => run("dry-run")} className={`${button} border border-slate-300 hover:bg-slate-100`}>
          {t.check}
        </button>
        <button type="button" disabled={busy || !canCommit} onClick={() => run("commit")} className={`${button} bg-brand-600 text-white hover:bg-brand-700`}>
          {t.commit}
        </button>
      </div>
      {busy && <p aria-live="polite" className="text-slate-600">{t.busy}</p>}
      {step.kind === "failed" && <p role="alert" data-testid="gia-import-failed" className="rounded bg-red-50 px-3 py-2 text-red-700">{step.error}</p>}
      {checked && <Outcome result={checked} />}
    </div>
  );
}

function Outcome({ result }: { result: GiaImportResult }) {
  const t = useMessages().m.giaImport;
  const done = result.committed;
  const figures: [string, number][] = [
    [t.rows, result.rows],
    [done ? t.addedDone : t.added, result.added],
    [done ? t.updatedDone : t.updated, result.updated],
    [t.unchanged, result.unchanged],
    [t.errors, result.errorCount - result.unmatched - result.ambiguous],
    [t.unmatched, result.unmatched],
    [t.ambiguous, result.ambiguous],
  ];
  const title = done ? t.doneTitle : result.errorCount > 0 ? t.notCommittedTitle : t.summaryTitle;
  return (
    <ImportOutcome
      testId="gia-import-outcome"
      figures={figures}
      failed={result.errorCount > 0}
      committed={done}
      texts={{
        title,
        fixAndRetry: t.fixAndRetry,
        ready: t.ready,
        ignored: result.ignoredColumns.length > 0 ? t.ignored(result.ignoredColumns.join(", ")) : null,
        notListed: result.notListed > 0 ? t.notListed(result.notListed) : null,
      }}
    >
      <RowsTable items={result.items} committed={done} />
    </ImportOutcome>
  );
}

function RowsTable({ items, committed }: { items: GiaRowOutcome[]; committed: boolean }) {
  const t = useMessages().m.giaImport;
  const scores = (s: GiaScores | undefined) =>
    !s ? "" : [s.primaryScore !== null && `${t.primary} ${s.primaryScore}`, s.testScore !== null && `${t.test} ${s.testScore}`, s.mark !== null && `${t.mark} ${s.mark}`].filter(Boolean).join(", ");
  const columns: ColumnDef<GiaRowOutcome, unknown>[] = [
    { id: "row", header: t.columns.row, accessorFn: (r) => r.row },
    {
      id: "status",
      header: t.columns.status,
      accessorFn: (r) => (committed ? (t.statusDone[r.status] ?? t.status[r.status]) : t.status[r.status]),
      cell: (c) => <span className={PROBLEM.has(c.row.original.status) ? "font-medium text-red-700" : ""}>{c.getValue() as string}</span>,
    },
    { id: "exam", header: t.columns.exam, accessorFn: (r) => (r.exam ? `${KIND[r.exam.kind]} ${r.exam.year}, ${r.exam.code} — ${r.exam.subject}` : "") },
    { id: "learner", header: t.columns.learner, accessorFn: (r) => r.learner?.name ?? "" },
    { id: "organisation", header: t.columns.organisation, accessorFn: (r) => r.learner?.organisation ?? "" },
    { id: "scores", header: t.columns.scores, accessorFn: (r) => [scores(r.scores), r.previous && `(${t.was}: ${scores(r.previous)})`].filter(Boolean).join(" ") },
    { id: "problem", header: t.columns.problem, accessorFn: (r) => (r.message ? `${r.column || t.wholeRow}: ${r.message}` : "") },
  ];
  return <StaticTable columns={columns} data={items} emptyText={t.empty} testId="gia-import-rows" label={t.tableLabel} getRowId={(r) => String(r.row)} />;
}
