"use client";
// Overlaps (houses assigned to two or more schools) and unassigned houses (to
// none) of the municipality in the year, each paged with its total.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { PlainTable, smallButton } from "../learners/card/portfolio/portfolio-form";
import { useMessages } from "../messages-provider";
import { QueryState } from "../query-state";

const PAGE_SIZE = 50;
type Input = { academicYear: number; municipalityId?: string };

export function TerritoryHouses({ input }: { input: Input }) {
  const { m } = useMessages();
  const t = m.territories;
  const [tab, setTab] = useState<"overlaps" | "unassigned">("overlaps");
  const tabClass = (on: boolean) => `rounded-t border px-3 py-1 ${on ? "border-slate-300 border-b-white bg-white font-medium" : "border-transparent text-brand-700"}`;
  return (
    <section className="space-y-3" aria-labelledby="territory-houses">
      <h2 id="territory-houses" className="sr-only">{`${t.overlaps}, ${t.unassigned}`}</h2>
      <div role="tablist" className="flex gap-1 border-b border-slate-300">
        {(["overlaps", "unassigned"] as const).map((key) => (
          <button key={key} type="button" role="tab" aria-selected={tab === key} className={tabClass(tab === key)} onClick={() => setTab(key)} data-testid={`territory-tab-${key}`}>
            {t[key]}
          </button>
        ))}
      </div>
      <div role="tabpanel">{tab === "overlaps" ? <Overlaps input={input} /> : <Unassigned input={input} />}</div>
    </section>
  );
}

function Pager({ page, total, onPage }: { page: number; total: number; onPage: (page: number) => void }) {
  const { m } = useMessages();
  const t = m.territories;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages === 1) return null;
  return (
    <div className="flex items-center gap-2 text-sm">
      <button type="button" className={smallButton} disabled={page === 0} onClick={() => onPage(page - 1)}>
        {t.prev}
      </button>
      <span>{t.pageOf(page + 1, pages)}</span>
      <button type="button" className={smallButton} disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>
        {t.next}
      </button>
    </div>
  );
}

function Overlaps({ input }: { input: Input }) {
  const { m } = useMessages();
  const t = m.territories;
  const trpc = useTRPC();
  const [page, setPage] = useState(0);
  const query = useQuery(trpc.territories.overlaps.queryOptions({ ...input, page, pageSize: PAGE_SIZE }));
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">{t.overlapsLead}</p>
      <QueryState query={query}>
        {(data) => (
          <>
            <PlainTable
              testId="territory-overlaps"
              empty={t.noOverlaps}
              headers={[t.house, t.schools]}
              rows={data.rows.map((r) => ({ id: r.houseId, cells: [r.label, r.schools.map((s) => s.shortName).join("; ")] }))}
            />
            <Pager page={page} total={data.total} onPage={setPage} />
          </>
        )}
      </QueryState>
    </div>
  );
}

function Unassigned({ input }: { input: Input }) {
  const { m } = useMessages();
  const t = m.territories;
  const trpc = useTRPC();
  const [page, setPage] = useState(0);
  const query = useQuery(trpc.territories.unassigned.queryOptions({ ...input, page, pageSize: PAGE_SIZE }));
  return (
    <QueryState query={query}>
      {(data) => (
        <div className="space-y-2">
          <p className="text-sm text-slate-600">{t.unassignedLead(data.total, data.houses)}</p>
          <PlainTable testId="territory-unassigned" empty={t.noUnassigned} headers={[t.house]} rows={data.rows.map((r) => ({ id: r.houseId, cells: [r.label] }))} />
          <Pager page={page} total={data.total} onPage={setPage} />
        </div>
      )}
    </QueryState>
  );
}
