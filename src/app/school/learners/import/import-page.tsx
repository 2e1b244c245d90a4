"use client";
// Bulk import: download the template, check the file (dry run), then load it.
// The server re-checks everything on "Загрузить", so a file changed between
// the two steps cannot slip through.
import Link from "next/link";
import { useState } from "react";
import { useMessages } from "@/components/messages-provider";
import { MissingClasses } from "./missing-classes";
import { uploadImport, type ImportResult, type UploadProgress } from "./upload";
import { TableFrame } from "@/components/table-frame";

type Step = { kind: "idle" } | { kind: "busy"; progress: UploadProgress | null } | { kind: "checked" | "done"; result: ImportResult } | { kind: "failed"; error: string };

export function ImportPage() {
  const { m } = useMessages();
  const t = m.learnerImport;
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [createClasses, setCreateClasses] = useState(false);
  const busy = step.kind === "busy";

  async function run(mode: "dry-run" | "commit", withClasses = createClasses) {
    if (!file) return setStep({ kind: "failed", error: t.chooseFile });
    setStep({ kind: "busy", progress: null });
    try {
      const result = await uploadImport(file, mode, (progress) => setStep({ kind: "busy", progress }), t.failed, withClasses);
      setStep({ kind: result.committed ? "done" : "checked", result });
    } catch (error) {
      setStep({ kind: "failed", error: (error as Error).message });
    }
  }

  const canCommit = step.kind === "checked" && step.result.errorCount === 0 && !step.result.committed;
  const button = "rounded px-4 py-2 font-medium disabled:cursor-not-allowed disabled:opacity-50";
  return (
    <div className="max-w-5xl space-y-5">
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-xl font-semibold">{t.title}</h1>
        <Link href="/school/learners" className="ml-auto text-brand-700 underline">{t.back}</Link>
      </div>
      <p className="text-slate-700">{t.intro}</p>
      <p className="flex flex-wrap gap-4">
        <a href="/api/school/learners/import/template" className="text-brand-700 underline" download>{t.templateXlsx}</a>
        <a href="/api/school/learners/import/template?format=csv" className="text-brand-700 underline" download>{t.templateCsv}</a>
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
              setCreateClasses(false);
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
      {step.kind === "busy" && <Progress progress={step.progress} />}
      {step.kind === "failed" && <p role="alert" data-testid="import-failed" className="rounded bg-red-50 px-3 py-2 text-red-700">{step.error}</p>}
      {step.kind === "checked" && step.result.missingClasses.length > 0 && (
        // Consent to create the classes re-checks the file with it, so the preview shows what «Загрузить» will do.
        <MissingClasses
          labels={step.result.missingClasses}
          checked={createClasses}
          disabled={busy}
          onChange={(on) => {
            setCreateClasses(on);
            void run("dry-run", on);
          }}
        />
      )}
      {(step.kind === "checked" || step.kind === "done") && <Outcome result={step.result} />}
    </div>
  );
}

function Progress({ progress }: { progress: UploadProgress | null }) {
  const t = useMessages().m.learnerImport;
  const [label, value] =
    !progress ? [t.waiting, undefined]
    : progress.stage === "upload" ? [t.uploading(progress.percent), progress.percent / 100]
    : progress.stage === "check" ? [t.checking(progress.done, progress.total), progress.done / Math.max(1, progress.total)]
    : [t.writing(progress.done, progress.total), progress.done / Math.max(1, progress.total)];
  return (
    <div className="space-y-1" aria-live="polite">
      <progress className="h-3 w-full max-w-xl" value={value} max={1} aria-label={label} />
      <p className="text-sm text-slate-600">{label}</p>
    </div>
  );
}

function Outcome({ result }: { result: ImportResult }) {
  const t = useMessages().m.learnerImport;
  const classesText = useMessages().m.importClasses;
  const figures: [string, number][] = result.committed
    ? [[t.rows, result.rows], [t.created, result.created], [t.updated, result.updated], [t.unchanged, result.unchanged]]
    : [[t.rows, result.rows], [t.willCreate, result.created], [t.willUpdate, result.updated], [t.unchanged, result.unchanged]];
  return (
    <section className="space-y-3" data-testid="import-outcome">
      <h2 className="text-lg font-semibold">{result.committed ? t.doneTitle : t.summaryTitle}</h2>
      <dl className="grid max-w-xl grid-cols-2 gap-x-6 gap-y-1">
        {figures.map(([label, n]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className="font-medium tabular-nums">{n}</dd>
          </div>
        ))}
      </dl>
      {result.committed && result.classesCreated > 0 && <p data-testid="import-classes-created">{classesText.created(result.classesCreated)}</p>}
      {result.errorCount === 0 ? (
        !result.committed && <p className="rounded bg-green-50 px-3 py-2 text-green-800">{t.readyToCommit}</p>
      ) : (
        <>
          <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-700">
            {t.errorsTitle(result.errorCount)} {result.errors.length < result.errorCount && t.errorsTruncated(result.errors.length, result.errorCount)}
          </p>
          <TableFrame>
            <table className="w-full border-collapse text-sm" data-testid="import-errors">
              <thead>
                <tr className="border-b border-slate-300 text-left">
                  <th className="py-1 pr-4">{t.row}</th>
                  <th className="py-1 pr-4">{t.column}</th>
                  <th className="py-1">{t.message}</th>
                </tr>
              </thead>
              <tbody>
                {result.errors.map((e, i) => (
                  <tr key={i} className="border-b border-slate-100">
                    <td className="py-1 pr-4 tabular-nums">{e.row}</td>
                    <td className="py-1 pr-4">{e.column || t.wholeRow}</td>
                    <td className="py-1">{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        </>
      )}
    </section>
  );
}
