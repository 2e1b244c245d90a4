"use client";
// A page that imports a file another system sends (the ГИА results, the
// register's lists of children): the chosen file, the step (idle, busy, the
// server's answer, a failure), the upload as a dry run or a commit with the
// page's own fields, and the controls — file input, «Проверить», «Загрузить»,
// the busy and failure notices. The answer's panel is ImportOutcome.
import { useState } from "react";

type Step<R> = { kind: "idle" | "busy" } | { kind: "result"; result: R } | { kind: "failed"; error: string };
type Mode = "dry-run" | "commit";
/** What the controls read of the server's answer. */
interface Counts {
  committed: boolean;
  errorCount: number;
  added: number;
  updated: number;
}

async function upload<R>(url: string, file: File, mode: Mode, fields: Record<string, string>, fallback: string): Promise<R> {
  const form = new FormData();
  form.set("file", file);
  form.set("mode", mode);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const res = await fetch(url, { method: "POST", body: form });
  const body = (await res.json().catch(() => null)) as (R & { error?: string }) | null;
  if (!res.ok || !body || body.error) throw new Error(body?.error ?? fallback);
  return body;
}

export interface FileImportTexts {
  file: string;
  check: string;
  commit: string;
  busy: string;
  chooseFile: string;
  failed: string;
}

export function useFileImport<R extends Counts>(url: string, texts: FileImportTexts) {
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step<R>>({ kind: "idle" });
  const reset = () => setStep({ kind: "idle" });
  async function run(mode: Mode, fields: Record<string, string> = {}) {
    if (!file) return setStep({ kind: "failed", error: texts.chooseFile });
    setStep({ kind: "busy" });
    try {
      setStep({ kind: "result", result: await upload<R>(url, file, mode, fields, texts.failed) });
    } catch (error) {
      setStep({ kind: "failed", error: (error as Error).message });
    }
  }
  const checked = step.kind === "result" ? step.result : null;
  return {
    file,
    busy: step.kind === "busy",
    checked,
    /** Checked, without errors, with something to write, not yet written. */
    canCommit: checked !== null && !checked.committed && checked.errorCount === 0 && checked.added + checked.updated > 0,
    run,
    reset,
    /** A new file: the previous answer no longer applies. */
    chooseFile(next: File | null) {
      setFile(next);
      reset();
    },
    failure: step.kind === "failed" ? step.error : null,
  };
}

const BUTTON = "rounded px-4 py-2 font-medium disabled:cursor-not-allowed disabled:opacity-50";

/** The file input and the two buttons (after the page's own fields), then the busy and failure notices. */
export function FileImportControls({
  imp,
  texts,
  ready,
  fields,
  failedTestId,
  children,
}: {
  imp: ReturnType<typeof useFileImport<Counts>>;
  texts: FileImportTexts;
  /** Everything the upload needs besides the file is chosen. */
  ready: boolean;
  fields: Record<string, string>;
  failedTestId: string;
  /** The page's own fields, before the file. */
  children?: React.ReactNode;
}) {
  return (
    <>
      <div className="flex flex-wrap items-end gap-3">
        {children}
        <label className="block">
          <span className="mb-1 block text-sm font-medium text-slate-700">{texts.file}</span>
          <input
            type="file"
            name="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={imp.busy}
            onChange={(e) => imp.chooseFile(e.target.files?.[0] ?? null)}
            className="block rounded border border-slate-300 px-3 py-2"
          />
        </label>
        <button type="button" disabled={imp.busy || !imp.file || !ready} onClick={() => imp.run("dry-run", fields)} className={`${BUTTON} border border-slate-300 hover:bg-slate-100`}>
          {texts.check}
        </button>
        <button type="button" disabled={imp.busy || !ready || !imp.canCommit} onClick={() => imp.run("commit", fields)} className={`${BUTTON} bg-brand-600 text-white hover:bg-brand-700`}>
          {texts.commit}
        </button>
      </div>
      {imp.busy && <p aria-live="polite" className="text-slate-600">{texts.busy}</p>}
      {imp.failure && <p role="alert" data-testid={failedTestId} className="rounded bg-red-50 px-3 py-2 text-red-700">{imp.failure}</p>}
    </>
  );
}
