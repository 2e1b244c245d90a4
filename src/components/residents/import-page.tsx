"use client";
// The import of a list of resident children (/ministry/children/import):
// the municipality (a region's officer's choice) and the list's source, the
// template, a check (dry run: a table of what each row would do) and the
// upload. The server checks everything again on «Загрузить», so a file
// changed between the two steps cannot slip through.
import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useState } from "react";
import { RESIDENT_SOURCES, type ResidentImportResult, type ResidentRowOutcome } from "@/lib/schemas/residents";
import { useTRPC } from "@/trpc/react";
import { useMessages } from "../messages-provider";
import { SelectField } from "../select-field";
import { StaticTable } from "../static-table";
import { ImportOutcome } from "../imports/import-outcome";

type Step = { kind: "idle" | "busy" } | { kind: "result"; result: ResidentImportResult } | { kind: "failed"; error: string };

async function upload(file: File, mode: "dry-run" | "commit", fields: Record<string, string>, fallback: string): Promise<ResidentImportResult> {
  const form = new FormData();
  form.set("file", file);
  form.set("mode", mode);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const res = await fetch("/api/ministry/children/import", { method: "POST", body: form });
  const body = (await res.json().catch(() => null)) as (ResidentImportResult & { error?: string }) | null;
  if (!res.ok || !body || body.error) throw new Error(body?.error ?? fallback);
  return body;
}

export function ResidentImportPage({ municipal }: { municipal: boolean }) {
  const t = useMessages().m.residents;
  const trpc = useTRPC();
  const territories = useQuery({ ...trpc.ministry.reports.territories.queryOptions(), enabled: !municipal });
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState("");
  const [municipalityId, setMunicipalityId] = useState("");
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const busy = step.kind === "busy";
  const chosen = Boolean(file && source && (municipal || municipalityId));

  async function run(mode: "dry-run" | "commit") {
    if (!file) return setStep({ kind: "failed", error: t.chooseFile });
    setStep({ kind: "busy" });
    try {
      setStep({ kind: "result", result: await upload(file, mode, { source, ...(municipal ? {} : { municipalityId }) }, t.failed) });
    } catch (error) {
      setStep({ kind: "failed", error: (error as Error).message });
    }
  }
  const reset = () => setStep({ kind: "idle" });

  const checked = step.kind === "result" ? step.result : null;
  const canCommit = chosen && checked !== null && !checked.committed && checked.errorCount === 0 && checked.added + checked.updated > 0;
  const button = "rounded px-4 py-2 font-medium disabled:cursor-not-allowed disabled:opacity-50";
  return (
    <div className="max-w-6xl space-y-5" data-testid="residents-import-page">
      <h1 className="text-xl font-semibold">{t.importTitle}</h1>
      <p className="text-slate-700">{t.intro}</p>
      <p className="flex gap-6">
        <a href="/api/ministry/children/import/template" className="text-brand-700 underline" download>{t.template}</a>
        <Link href="/ministry/children" className="text-brand-700 underline">{t.registerLink}</Link>
      </p>
      <div className="flex flex-wrap items-end gap-3">
        {!municipal && (
          <SelectField
            label={t.municipality}
            name="import-municipality"
            className="w-72"
            value={municipalityId}
            disabled={busy}
            onChange={(e) => {
              setMunicipalityId(e.target.value);
              reset();
            }}
            placeholder={t.chooseMunicipality}
            options={(territories.data ?? []).map((mu) => ({ value: mu.id, label: mu.name }))}
          />
        )}
        <SelectField
          label={t.source}
          name="import-source"
          className="w-56"
          value={source}
          disabled={busy}
          onChange={(e) => {
            setSource(e.target.value);
            reset();
          }}
          placeholder={t.chooseSource}
          options={RESIDENT_SOURCES.map((s) => ({ value: s, label: t.sources[s]! }))}
        />
        <label className="block">
          <span className="mb-1 block text-sm font-medium text-slate-700">{t.file}</span>
          <input
            type="file"
            name="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={busy}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              reset();
            }}
            className="block rounded border border-slate-300 px-3 py-2"
          />
        </label>
        <button type="button" disabled={busy || !chosen} onClick={() => run("dry-run")} className={`${button} border border-slate-300 hover:bg-slate-100`}>{t.check}</button>
        <button type="button" disabled={busy || !canCommit} onClick={() => run("commit")} className={`${button} bg-brand-600 text-white hover:bg-brand-700`}>{t.commit}</button>
      </div>
      {busy && <p aria-live="polite" className="text-slate-600">{t.busy}</p>}
      {step.kind === "failed" && <p role="alert" data-testid="residents-import-failed" className="rounded bg-red-50 px-3 py-2 text-red-700">{step.error}</p>}
      {checked && <Outcome result={checked} />}
    </div>
  );
}

function Outcome({ result }: { result: ResidentImportResult }) {
  const t = useMessages().m.residents;
  const done = result.committed;
  const figures: [string, number][] = [
    [t.rows, result.rows],
    [done ? t.addedDone : t.added, result.added],
    [done ? t.updatedDone : t.updated, result.updated],
    [t.unchanged, result.unchanged],
    [t.errors, result.errorCount],
    [t.matchedBySnils, result.matchedBySnils],
    [t.matchedByAddress, result.matchedByAddress],
    [t.unmatched, result.unmatched],
    [t.housesFound, result.housesFound],
  ];
  const title = done ? t.doneTitle : result.errorCount > 0 ? t.notCommittedTitle : t.summaryTitle;
  const columns: ColumnDef<ResidentRowOutcome, unknown>[] = [
    { id: "row", header: t.rowColumns.row, accessorFn: (r) => r.row },
    {
      id: "status",
      header: t.rowColumns.status,
      accessorFn: (r) => (done ? (t.statusDone[r.status] ?? t.status[r.status]) : t.status[r.status]),
      cell: (c) => <span className={c.row.original.status === "error" ? "font-medium text-red-700" : ""}>{c.getValue() as string}</span>,
    },
    { id: "name", header: t.rowColumns.name, accessorFn: (r) => r.name ?? "" },
    { id: "match", header: t.rowColumns.match, accessorFn: (r) => (r.match ? t.matches[r.match] : "") },
    { id: "house", header: t.rowColumns.house, accessorFn: (r) => (r.houseFound === undefined ? "" : r.houseFound ? t.yes : t.no) },
    { id: "problem", header: t.rowColumns.problem, accessorFn: (r) => (r.message ? `${r.column || t.wholeRow}: ${r.message}` : "") },
  ];
  return (
    <ImportOutcome
      testId="residents-import-outcome"
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
      <StaticTable columns={columns} data={result.items} emptyText={t.empty} testId="residents-import-rows" label={t.rowsLabel} getRowId={(r) => String(r.row)} />
    </ImportOutcome>
  );
}
