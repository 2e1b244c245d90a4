"use client";
// Accepted transfers between municipalities in a period, per pair, with a bar
// scaled to the largest flow. The query follows the last valid period.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import type { inferRouterOutputs } from "@trpc/server";
import { useMemo, useState } from "react";
import { todayIso } from "@/components/learners/form/form-model";
import { Field } from "@/components/field";
import { useMessages } from "@/components/messages-provider";
import { QueryState } from "@/components/query-state";
import { StaticTable } from "@/components/static-table";
import type { AppRouter } from "@/server/trpc/root";
import { useTRPC } from "@/trpc/react";
import { academicYearStart, validPeriod } from "@/lib/movement/period";

type FlowRow = inferRouterOutputs<AppRouter>["movement"]["oversight"]["flows"][number];
const column = createColumnHelper<FlowRow>();

function Bar({ value, max }: { value: number; max: number }) {
  const width = max > 0 ? Math.max(2, Math.round((value / max) * 100)) : 0;
  return (
    <div className="flex min-w-48 items-center gap-2">
      <div className="h-3 flex-1 rounded bg-slate-100" aria-hidden>
        <div className="h-3 rounded bg-brand-600" style={{ width: `${width}%` }} />
      </div>
      <span className="w-10 text-right tabular-nums">{value}</span>
    </div>
  );
}

export function TransferFlows() {
  const { m } = useMessages();
  const t = m.movementOversight;
  const trpc = useTRPC();
  const [typed, setTyped] = useState(() => ({ from: academicYearStart(todayIso()), to: todayIso() }));
  const [period, setPeriod] = useState(typed);
  const invalid = !validPeriod(typed.from, typed.to);
  const query = useQuery({ ...trpc.movement.oversight.flows.queryOptions(period), placeholderData: keepPreviousData });
  const max = Math.max(0, ...(query.data ?? []).map((r) => r.transfers));

  const columns = useMemo(
    () => [
      // The arrow lives in the "from" cell: a column of its own would need an empty header (axe: empty-table-header).
      column.accessor("fromMunicipality", {
        header: t.fromMunicipality,
        cell: (c) => (
          <>
            {c.getValue()} <span aria-hidden>→</span>
          </>
        ),
      }),
      column.accessor("toMunicipality", { header: t.toMunicipality }),
      column.accessor("transfers", { header: t.transfers, cell: (c) => <Bar value={c.getValue()} max={max} /> }),
    ],
    [t, max],
  );

  function onChange(key: "from" | "to", value: string) {
    const next = { ...typed, [key]: value };
    setTyped(next);
    if (validPeriod(next.from, next.to)) setPeriod(next);
  }

  return (
    <section aria-labelledby="flows-title" className="space-y-3" data-testid="transfer-flows">
      <h2 id="flows-title" className="text-lg font-semibold">
        {t.flowsTitle}
      </h2>
      <div className="flex flex-wrap gap-3">
        <Field label={t.periodFrom} name="from" type="date" className="w-48" value={typed.from} onChange={(e) => onChange("from", e.target.value)} />
        <Field
          label={t.periodTo}
          name="to"
          type="date"
          className="w-48"
          value={typed.to}
          error={invalid ? t.periodInvalid : undefined}
          onChange={(e) => onChange("to", e.target.value)}
        />
      </div>
      <QueryState query={query}>
        {(rows) => (
          <StaticTable
            columns={columns}
            data={rows}
            emptyText={t.flowsEmpty}
            testId="transfer-flows-table"
            getRowId={(r) => `${r.fromMunicipality}→${r.toMunicipality}`}
            isFetching={query.isFetching}
            sortable
            // Counts of accepted transfers: nothing here is a health figure, so the total is the plain sum.
            totals={[t.total, "", <span key="sum" className="block text-right tabular-nums">{rows.reduce((s, r) => s + r.transfers, 0)}</span>]}
          />
        )}
      </QueryState>
    </section>
  );
}
