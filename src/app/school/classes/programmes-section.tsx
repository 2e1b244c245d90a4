"use client";
// The school's programmes: a table with kind, ОВЗ category, direction and
// form; add, edit, close and reopen for those who may write.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { useMessages } from "@/components/messages-provider";
import { StaticTable } from "@/components/static-table";
import { useTRPC } from "@/trpc/react";
import { ProgrammeForm } from "./programme-form";
import type { ProgrammeRow } from "./types";
import { QueryError } from "@/components/query-state";

const col = createColumnHelper<ProgrammeRow>();
const linkButton = "text-brand-600 hover:underline disabled:opacity-50";

export function ProgrammesSection({ canWrite, onNotice }: { canWrite: boolean; onNotice: (notice: { ok: boolean; text: string }) => void }) {
  const { m } = useMessages();
  const t = m.programmes;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.school.programmes.list.queryOptions());
  const [editing, setEditing] = useState<ProgrammeRow | "new" | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.school.programmes.pathKey() });
  const onError = (error: { message: string }) => onNotice({ ok: false, text: error.message || m.errors.generic });
  const deactivate = useMutation(trpc.school.programmes.deactivate.mutationOptions({ onSuccess: refresh, onError }));
  const activate = useMutation(trpc.school.programmes.activate.mutationOptions({ onSuccess: refresh, onError }));

  const columns = useMemo(
    () => [
      col.accessor("name", { header: t.name }),
      col.accessor("level", { header: t.level, cell: (c) => m.vocab.levels[c.getValue()] }),
      col.display({
        id: "kind",
        header: t.kind,
        cell: ({ row: { original: p } }) => (
          <>
            {p.isBasic ? t.basic : t.additional}
            {p.adapted && p.ovzCategory && <div className="text-slate-500">{`${t.adaptedShort}: ${m.programmeVocab.ovzCategories[p.ovzCategory]}`}</div>}
            {p.direction && <div className="text-slate-500">{m.programmeVocab.directions[p.direction]}</div>}
          </>
        ),
      }),
      col.accessor("form", { header: t.form, cell: (c) => m.programmeVocab.forms[c.getValue()] }),
      col.accessor("active", { header: t.status, cell: (c) => (c.getValue() ? t.active : t.closed) }),
      ...(canWrite
        ? [
            col.display({
              id: "actions",
              header: t.actions,
              cell: ({ row: { original: p } }) => (
                <div className="flex gap-3 whitespace-nowrap">
                  <button type="button" className={linkButton} onClick={() => setEditing(p)}>
                    {t.edit}
                  </button>
                  <button
                    type="button"
                    className={linkButton}
                    disabled={deactivate.isPending || activate.isPending}
                    onClick={() => (p.active ? deactivate : activate).mutate({ id: p.id })}
                  >
                    {p.active ? t.deactivate : t.activate}
                  </button>
                </div>
              ),
            }),
          ]
        : []),
    ],
    [m, t, canWrite, deactivate, activate],
  );

  return (
    <section className="space-y-3" aria-labelledby="programmes-title">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="programmes-title" className="text-lg font-semibold">
          {t.programmesTitle}
        </h2>
        {canWrite && editing === null && (
          <button type="button" onClick={() => setEditing("new")} className="ml-auto rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
            {t.addProgramme}
          </button>
        )}
      </div>
      {editing !== null && (
        <ProgrammeForm
          key={editing === "new" ? "new" : editing.id}
          programme={editing === "new" ? undefined : editing}
          onCancel={() => setEditing(null)}
          onDone={(text) => {
            setEditing(null);
            onNotice({ ok: true, text });
          }}
        />
      )}
      <QueryError error={list.error} />
      {list.isPending ? (
        <p className="text-slate-500">{m.common.loading}</p>
      ) : list.data ? (
        <StaticTable
          columns={columns}
          data={list.data}
          emptyText={t.noProgrammes}
          testId="programmes-table"
          getRowId={(p) => p.id}
          rowTestId={(p) => `programme-${p.id}`}
          isFetching={list.isFetching}
        />
      ) : null}
    </section>
  );
}
