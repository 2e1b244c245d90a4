"use client";
// The answer to a checked or loaded file of another system (the ГИА results,
// the register's lists of children): a title, the figures, whether the file
// can be loaded, the ignored columns, the rows' table (the caller's), and how
// many rows the table leaves out.
import type { ReactNode } from "react";

export interface ImportOutcomeTexts {
  title: string;
  fixAndRetry: string;
  ready: string;
  /** «Пропущены столбцы: …», when the file had columns the import does not read. */
  ignored: string | null;
  /** «Ещё строк, не показанных в таблице: N», when the table is cut. */
  notListed: string | null;
}

export function ImportOutcome({
  testId,
  figures,
  failed,
  committed,
  texts,
  children,
}: {
  testId: string;
  figures: readonly (readonly [string, number])[];
  /** The file has errors: nothing was (or will be) written. */
  failed: boolean;
  committed: boolean;
  texts: ImportOutcomeTexts;
  /** The rows' table. */
  children: ReactNode;
}) {
  return (
    <section className="space-y-3" data-testid={testId}>
      <h2 className="text-lg font-semibold">{texts.title}</h2>
      <dl className="grid max-w-xl grid-cols-2 gap-x-6 gap-y-1">
        {figures.map(([label, n]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className="font-medium tabular-nums">{n}</dd>
          </div>
        ))}
      </dl>
      {failed ? (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-700">{texts.fixAndRetry}</p>
      ) : (
        !committed && <p className="rounded bg-green-50 px-3 py-2 text-green-800">{texts.ready}</p>
      )}
      {texts.ignored && <p className="text-sm text-slate-600">{texts.ignored}</p>}
      {children}
      {texts.notListed && <p className="text-sm text-slate-600">{texts.notListed}</p>}
    </section>
  );
}
