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
import { FileImportControls, useFileImport } from "../imports/use-file-import";

export function ResidentImportPage({ municipal }: { municipal: boolean }) {
  const t = useMessages().m.residents;
  const trpc = useTRPC();
  const territories = useQuery({ ...trpc.ministry.reports.territories.queryOptions(), enabled: !municipal });
  const imp = useFileImport<ResidentImportResult>("/api/ministry/children/import", t);
  const [source, setSource] = useState("");
  const [municipalityId, setMunicipalityId] = useState("");
  const busy = imp.busy;
  const reset = imp.reset;
  const chosen = Boolean(source && (municipal || municipalityId));
  const checked = imp.checked;
  return (
    <div className="max-w-6xl space-y-5" data-testid="residents-import-page">
      <h1 className="text-xl font-semibold">{t.importTitle}</h1>
      <p className="text-slate-700">{t.intro}</p>
      <p className="flex gap-6">
        <a href="/api/ministry/children/import/template" className="text-brand-700 underline" download>{t.template}</a>
        <Link href="/ministry/children" className="text-brand-700 underline">{t.registerLink}</Link>
      </p>
      <FileImportControls
        imp={imp}
        texts={t}
        ready={chosen}
        fields={{ source, ...(municipal ? {} : { municipalityId }) }}
        failedTestId="residents-import-failed"
      >
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
      </FileImportControls>
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
