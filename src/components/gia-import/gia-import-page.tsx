"use client";
// The ministry's ГИА results import: download the template, check the exam
// centre's file (dry run: a table of what each row would do), then load it.
// The server checks everything again on «Загрузить», so a file changed
// between the two steps cannot slip through.
import type { ColumnDef } from "@tanstack/react-table";
import { useMessages } from "@/components/messages-provider";
import { StaticTable } from "@/components/static-table";
import type { GiaImportResult, GiaRowOutcome, GiaScores } from "@/lib/schemas/gia-import";
import { ImportOutcome } from "../imports/import-outcome";
import { FileImportControls, useFileImport } from "../imports/use-file-import";

const KIND = { OGE: "ОГЭ", GVE: "ГВЭ", EGE: "ЕГЭ" } as const;
const PROBLEM = new Set(["error", "unmatched", "ambiguous"]);

export function GiaImportPage({ municipal }: { municipal: boolean }) {
  const t = useMessages().m.giaImport;
  const imp = useFileImport<GiaImportResult>("/api/ministry/gia-import", t);
  const checked = imp.checked;
  return (
    <div className="max-w-6xl space-y-5">
      <h1 className="text-xl font-semibold">{t.title}</h1>
      <p className="text-slate-700">{t.intro}</p>
      {municipal && <p className="rounded bg-amber-50 px-3 py-2 text-amber-900">{t.municipalNote}</p>}
      <p>
        <a href="/api/ministry/gia-import/template" className="text-brand-700 underline" download>{t.template}</a>
      </p>
      <FileImportControls imp={imp} texts={t} ready fields={{}} failedTestId="gia-import-failed" />
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
