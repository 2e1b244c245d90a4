"use client";
// One academic year's classes (the current one by default): grade and
// letter, programme, learners enrolled now; add a class, delete an empty one.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { useMessages } from "@/components/messages-provider";
import { SelectField } from "@/components/select-field";
import { StaticTable } from "@/components/static-table";
import { academicYearLabel } from "@/lib/schemas/programme";
import { useTRPC } from "@/trpc/react";
import { ClassForm } from "./class-form";
import { classLabel, type ClassRow } from "./types";
import { QueryError } from "@/components/query-state";

const col = createColumnHelper<ClassRow>();

interface ClassesSectionProps {
  canWrite: boolean;
  currentYear: number;
  onNotice: (notice: { ok: boolean; text: string }) => void;
}

export function ClassesSection({ canWrite, currentYear, onNotice }: ClassesSectionProps) {
  const { m } = useMessages();
  const t = m.programmes;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(currentYear);
  const [adding, setAdding] = useState(false);
  const classes = useQuery(trpc.school.programmes.classes.queryOptions({ academicYear: year }));
  const programmes = useQuery(trpc.school.programmes.list.queryOptions());
  const active = (programmes.data ?? []).filter((p) => p.active);

  const remove = useMutation(
    trpc.school.programmes.deleteClass.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.school.programmes.pathKey() });
      },
      onError: (error) => onNotice({ ok: false, text: error.message || m.errors.generic }),
    }),
  );
  const onDelete = (c: ClassRow) => {
    if (!window.confirm(t.confirmDelete(classLabel(c)))) return;
    remove.mutate({ id: c.id }, { onSuccess: () => onNotice({ ok: true, text: t.classDeleted(classLabel(c)) }) });
  };

  const columns = useMemo(
    () => [
      col.display({ id: "class", header: t.class, cell: ({ row }) => <span className="font-medium">{classLabel(row.original)}</span> }),
      col.accessor((c) => c.programme.name, { id: "programme", header: t.programme }),
      col.accessor("learners", { header: t.learners, cell: (c) => <span data-testid="class-learners">{c.getValue()}</span> }),
      ...(canWrite
        ? [
            col.display({
              id: "actions",
              header: t.actions,
              cell: ({ row: { original: c } }) =>
                c.learners === 0 ? (
                  <button type="button" className="text-red-700 hover:underline disabled:opacity-50" disabled={remove.isPending} onClick={() => onDelete(c)}>
                    {t.delete}
                  </button>
                ) : null,
            }),
          ]
        : []),
    ],
    [t, canWrite, remove, onDelete],
  );

  const years = [currentYear - 2, currentYear - 1, currentYear, currentYear + 1];
  return (
    <section className="space-y-3" aria-labelledby="classes-title">
      <div className="flex flex-wrap items-end gap-3">
        <h2 id="classes-title" className="text-lg font-semibold">
          {t.classesTitle}
        </h2>
        <SelectField
          label={t.academicYear}
          name="academicYear"
          value={String(year)}
          onChange={(e) => {
            setYear(Number(e.target.value));
            setAdding(false);
          }}
          options={years.map((y) => ({ value: String(y), label: academicYearLabel(y) }))}
        />
        {canWrite && !adding && (
          <button
            type="button"
            onClick={() => setAdding(true)}
            disabled={active.length === 0}
            title={active.length === 0 ? t.noActiveProgrammes : undefined}
            className="ml-auto rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-50"
          >
            {t.addClass}
          </button>
        )}
      </div>
      {adding && (
        <ClassForm
          academicYear={year}
          programmes={active}
          onCancel={() => setAdding(false)}
          onDone={(text) => {
            setAdding(false);
            onNotice({ ok: true, text });
          }}
        />
      )}
      <QueryError error={classes.error} />
      {classes.isPending ? (
        <p className="text-slate-500">{m.common.loading}</p>
      ) : classes.data ? (
        <StaticTable
          columns={columns}
          data={classes.data}
          emptyText={t.noClasses}
          testId="classes-table"
          getRowId={(c) => c.id}
          rowTestId={(c) => `class-${c.grade}-${c.letter}`}
          isFetching={classes.isFetching}
        />
      ) : null}
    </section>
  );
}
