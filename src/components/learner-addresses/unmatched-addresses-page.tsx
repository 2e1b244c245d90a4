"use client";
// The school's page «Адреса не найдены в ГАР» (issue 22): its held learners'
// addresses the directory did not match to a house, page by page, each with
// what the parser recognised and its correction (fix-address-row.tsx).
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formatAddress } from "@/lib/addresses/parse";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/react";
import { DataTable } from "../data-table";
import { fullName } from "../learners/display";
import { useMessages } from "../messages-provider";
import { QueryState } from "../query-state";
import { SelectField } from "../select-field";
import { FixAddress } from "./fix-address";

const PAGE_SIZE = 50;

export function UnmatchedAddressesPage() {
  const { m } = useMessages();
  const t = m.learnerAddresses;
  const trpc = useTRPC();
  const [match, setMatch] = useState<"" | "UNMATCHED" | "STREET">("");
  const [page, setPage] = useState(0);
  const input = { match: match || undefined, page, pageSize: PAGE_SIZE };
  const query = useQuery(trpc.learnerAddresses.list.queryOptions(input));
  const matchOptions = (["UNMATCHED", "STREET"] as const).map((v) => ({ value: v, label: t.matches[v]! }));

  return (
    <div className="space-y-6" data-testid="unmatched-addresses">
      <div>
        <h1 className="text-xl font-semibold">{t.title}</h1>
        <p className="text-sm text-slate-500">{t.lead}</p>
      </div>
      <SelectField
        label={t.filterMatch}
        name="address-match"
        className="w-64"
        options={matchOptions}
        placeholder={t.filterAll}
        value={match}
        onChange={(e) => {
          setMatch(e.target.value as typeof match);
          setPage(0);
        }}
      />
      <QueryState query={query}>
        {(data) => (
          <DataTable
            testId="unmatched-addresses-table"
            emptyText={t.empty}
            data={data.rows}
            total={data.total}
            page={page}
            pageSize={PAGE_SIZE}
            onPageChange={setPage}
            isFetching={query.isFetching}
            getRowId={(r) => `${r.learner.id}:${r.kind}`}
            rowTestId={() => "unmatched-address-row"}
            columns={[
              {
                id: "learner",
                header: t.learner,
                cell: ({ row }) => (
                  <Link href={`/school/learners/${row.original.learner.id}`} className="text-brand-600 hover:underline">
                    {fullName(row.original.learner)}, {formatDate(row.original.learner.birthDate)}
                  </Link>
                ),
              },
              { id: "kind", header: t.kind, cell: ({ row }) => t.kinds[row.original.kind] },
              { id: "text", header: t.text, cell: ({ row }) => row.original.text },
              { id: "recognised", header: t.recognised, cell: ({ row }) => formatAddress(row.original.recognised) || m.common.none },
              { id: "state", header: t.state, cell: ({ row }) => t.matches[row.original.match] },
              { id: "fix", header: t.actions, cell: ({ row }) => <FixAddress row={row.original} /> },
            ]}
          />
        )}
      </QueryState>
    </div>
  );
}
