"use client";
// Transfers pending longer than N days. The query follows the last valid N,
// so a half-typed number keeps the previous table instead of an error.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import type { inferRouterOutputs } from "@trpc/server";
import { useMemo, useState } from "react";
import { Field } from "@/components/field";
import { useMessages } from "@/components/messages-provider";
import { QueryState } from "@/components/query-state";
import { StaticTable } from "@/components/static-table";
import { formatDate } from "@/lib/format";
import type { AppRouter } from "@/server/trpc/root";
import { useTRPC } from "@/trpc/react";
import { daysSince, parseDays } from "@/lib/movement/period";

type StaleRow = inferRouterOutputs<AppRouter>["movement"]["oversight"]["staleTransfers"][number];
const column = createColumnHelper<StaleRow>();
const DEFAULT_DAYS = 14;

export function StaleTransfers() {
  const { m } = useMessages();
  const t = m.movementOversight;
  const trpc = useTRPC();
  const [typed, setTyped] = useState(String(DEFAULT_DAYS));
  const [days, setDays] = useState(DEFAULT_DAYS);
  const invalid = parseDays(typed) === null;
  const query = useQuery({ ...trpc.movement.oversight.staleTransfers.queryOptions({ olderThanDays: days }), placeholderData: keepPreviousData });

  const columns = useMemo(
    () => [
      // Each column's value is what its cell shows, so sorting follows what is read.
      column.accessor("requestedAt", { header: t.requestedAt, cell: (c) => formatDate(c.getValue()) }),
      column.accessor((r) => t.organisation(r.fromOrganisation.shortName, r.fromOrganisation.municipality.name), { id: "from", header: t.fromOrganisation }),
      column.accessor((r) => t.organisation(r.toOrganisation.shortName, r.toOrganisation.municipality.name), { id: "to", header: t.toOrganisation }),
      column.accessor((r) => daysSince(r.requestedAt), { id: "days", header: t.daysWaiting }),
    ],
    [t],
  );

  function onDays(value: string) {
    setTyped(value);
    const n = parseDays(value);
    if (n !== null) setDays(n);
  }

  return (
    <section aria-labelledby="stale-title" className="space-y-3" data-testid="stale-transfers">
      <h2 id="stale-title" className="text-lg font-semibold">
        {t.staleTitle}
      </h2>
      <Field
        label={t.staleDays}
        name="olderThanDays"
        type="number"
        min={0}
        max={365}
        inputMode="numeric"
        className="w-40"
        value={typed}
        error={invalid ? t.staleDaysInvalid : undefined}
        onChange={(e) => onDays(e.target.value)}
      />
      <QueryState query={query}>
        {(rows) => (
          <StaticTable columns={columns} data={rows} emptyText={t.staleEmpty} testId="stale-transfers-table" getRowId={(r) => r.id} isFetching={query.isFetching} sortable />
        )}
      </QueryState>
    </section>
  );
}
